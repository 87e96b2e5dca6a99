import { describe, expect, it } from 'vitest';
import { CATCH_UP_DELIVERY_ID } from '../../../src/gitea/event.js';
import { jobIdFor, normalizeDelivery } from '../../../src/gitea/normalize.js';
import {
  commentPayload,
  DELIVERY_FIXTURES,
  issueLabelPayload,
  issuePayload,
  loadDelivery,
} from '../../support/deliveries.js';

describe('normalizeDelivery on Gitea-shaped deliveries', () => {
  it.each(DELIVERY_FIXTURES)('reads $file ($eventType)', ({ file, eventType }) => {
    const result = normalizeDelivery(eventType, loadDelivery(file));
    expect(result.outcome).toBe('event');
    if (result.outcome !== 'event') return;
    const isPull = eventType === 'pull_request_comment';
    expect(result.event).toMatchObject({ repo: 'fleet/program', issue: { isPull } });
    if (!isPull) expect(result.event.issue).toMatchObject({ number: 7, author: 'alice' });
    expect(result.event.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('turns an issue_label delivery into one event with the labels after the change', () => {
    const result = normalizeDelivery(
      'issue_label',
      issueLabelPayload(['operator-application', 'onboarding/screening']),
    );
    expect(result).toMatchObject({
      outcome: 'event',
      event: { kind: 'issue.labeled', issue: { labels: ['operator-application', 'onboarding/screening'] } },
    });
  });

  it('reads a comment with its id, body, author and creation time', () => {
    const payload = commentPayload('created', '/approve', { sender: { login: 'maint' } });
    const result = normalizeDelivery('issue_comment', payload, 'delivery-1');
    expect(result).toMatchObject({
      outcome: 'event',
      event: {
        kind: 'comment.created',
        actor: 'maint',
        comment: { id: payload.comment.id, body: '/approve' },
        at: new Date(payload.comment.created_at).toISOString(),
        deliveryId: 'delivery-1',
      },
      dedupeKey: `comment/${payload.comment.id}/created`,
    });
  });

  it('treats null assignees (Gitea’s empty set) as none', () => {
    const result = normalizeDelivery(
      'issues',
      issuePayload('opened', { issue: { assignees: null } } as never),
    );
    expect(result.outcome === 'event' && result.event.issue.assignees).toEqual([]);
  });

  it('keys the same content the same way, whatever the delivery id', () => {
    const payload = issuePayload('edited');
    const a = normalizeDelivery('issues', payload, 'one');
    const b = normalizeDelivery('issues', payload, 'two');
    expect(a.outcome === 'event' && b.outcome === 'event' && a.dedupeKey === b.dedupeKey).toBe(true);
  });

  it('keys an edit by what it says, not by its second: two edits in one second both count', () => {
    // One API call changing title and body: Gitea sends two `edited` deliveries with the same
    // `updated_at`, the first (the title change) still carrying the old body.
    const second = '2026-11-21T10:00:00Z';
    const titleOnly = issuePayload('edited', {
      changes: { title: { from: 'Old title' } },
      issue: { title: 'New title', body: 'old body', updated_at: second },
    });
    const bodyToo = issuePayload('edited', {
      changes: { body: { from: 'old body' } },
      issue: { title: 'New title', body: 'new body', updated_at: second },
    });
    const keys = [titleOnly, bodyToo].map((payload) => {
      const normalized = normalizeDelivery('issues', payload);
      return normalized.outcome === 'event' ? normalized.dedupeKey : '';
    });
    expect(keys[0]).not.toBe(keys[1]);
    const replayedLater = normalizeDelivery(
      'issues',
      issuePayload('edited', {
        issue: { title: 'New title', body: 'new body', updated_at: '2030-01-01T00:00:00Z' },
      }),
    );
    expect(replayedLater.outcome === 'event' && replayedLater.dedupeKey).toBe(keys[1]);
  });

  it('makes job ids BullMQ accepts: no colon, not an integer', () => {
    const id = jobIdFor('comment/210/created');
    expect(id).not.toContain(':');
    expect(Number.isInteger(Number(id))).toBe(false);
  });

  it.each([
    ['a missing issue', 'issues', { action: 'opened', number: 7 }, 'issue'],
    [
      'a comment without a body',
      'issue_comment',
      { ...commentPayload('created', 'x'), comment: { id: 1 } },
      'comment',
    ],
  ])('refuses %s, naming the field', (_what, eventType, payload, field) => {
    const result = normalizeDelivery(eventType, payload);
    expect(result.outcome).toBe('invalid');
    expect(result.outcome === 'invalid' && result.reason).toContain(field);
  });

  it('calls events and actions it does not act on unsupported (answered 204, not 400)', () => {
    expect(normalizeDelivery('push', {}).outcome).toBe('unsupported');
    expect(normalizeDelivery('issues', { ...issuePayload('opened'), action: 'pinned' }).outcome).toBe(
      'unsupported',
    );
    expect(normalizeDelivery('pull_request', { action: 'closed' }).outcome).toBe('unsupported');
  });
});

describe('a comment delivery is marked as of the comment (issue fields and the commenter’s admin access)', () => {
  const admin = (value: boolean) =>
    commentPayload('created', '/approve', {
      sender: { login: 'maint' },
      repository: { permissions: { admin: value, push: value, pull: true } },
    });
  const eventOf = (result: ReturnType<typeof normalizeDelivery>) =>
    result.outcome === 'event' ? result.event : undefined;

  it.each(['full', 'light'] as const)(
    'from a webhook: Gitea’s `repository.permissions.admin` of the commenter (%s)',
    (mode) => {
      expect(eventOf(normalizeDelivery('issue_comment', admin(true), 'd-1', mode))?.asOfComment).toEqual({
        actorAdmin: true,
      });
      expect(eventOf(normalizeDelivery('issue_comment', admin(false), 'd-2', mode))?.asOfComment).toEqual({
        actorAdmin: false,
      });
      const edited = commentPayload('edited', '/approve', { repository: { permissions: { admin: true } } });
      expect(eventOf(normalizeDelivery('issue_comment', edited, 'd-3', mode))?.asOfComment).toEqual({
        actorAdmin: true,
      });
    },
  );

  it('never for an event the catch-up made from lists, one without a delivery id, or a deleted comment', () => {
    expect(
      eventOf(normalizeDelivery('issue_comment', admin(true), CATCH_UP_DELIVERY_ID))?.asOfComment,
    ).toBeUndefined();
    expect(eventOf(normalizeDelivery('issue_comment', admin(true)))?.asOfComment).toBeUndefined();
    const deleted = commentPayload('deleted', '/approve', { repository: { permissions: { admin: true } } });
    expect(eventOf(normalizeDelivery('issue_comment', deleted, 'd-4'))?.asOfComment).toBeUndefined();
  });

  it('an issue delivery carries the poster’s permissions, not the sender’s: never read as the actor’s', () => {
    const closed = issuePayload('closed', {
      sender: { login: 'maint' },
      repository: { permissions: { admin: true, push: true, pull: true } },
    });
    expect(eventOf(normalizeDelivery('issues', closed, 'd-5'))?.asOfComment).toBeUndefined();
  });

  it.each(['full', 'light'] as const)(
    'permissions of another shape tell nothing: the delivery is read, the role asked of the API (%s)',
    (mode) => {
      for (const permissions of [{ admin: 'yes' }, 'admin', null]) {
        const odd = commentPayload('created', '/approve');
        (odd.repository as unknown as { permissions: unknown }).permissions = permissions;
        expect(eventOf(normalizeDelivery('issue_comment', odd, 'd-6', mode))?.asOfComment).toEqual({});
      }
    },
  );
});
