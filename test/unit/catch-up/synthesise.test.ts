import { describe, expect, it } from 'vitest';
import { commentDelivery, commentIssueNumber, issueDeliveries } from '../../../src/catch-up/synthesise.js';
import type { Comment, Issue } from '../../../src/gitea/client.js';
import { contentDigest, normalizeDelivery } from '../../../src/gitea/normalize.js';
import { commentPayload, deliveryEvent, issuePayload } from '../../support/deliveries.js';

const REPO = 'fleet/program';
const ACTIONS = ['opened', 'edited', 'closed'] as const;
const keyOf = (eventType: string, payload: unknown) => {
  const normalized = normalizeDelivery(eventType, payload);
  if (normalized.outcome !== 'event') throw new Error(JSON.stringify(normalized));
  return normalized.dedupeKey;
};

function apiIssue(fields: Partial<Issue> = {}): Issue {
  return { ...(issuePayload('opened').issue as unknown as Issue), ...fields };
}

describe('catch-up: the deliveries a changed issue stands for', () => {
  const created = '2026-11-20T10:00:00Z';
  const issue = (fields: Partial<Issue> = {}) => apiIssue({ created_at: created, ...fields });
  it.each<[string, Partial<Issue>, string, string | undefined, string[]]>([
    ['created in the window, never seen', {}, '2026-11-20T10:00:00Z', undefined, ['opened']],
    ['created in the window, seen as it is', {}, '2026-11-20T10:00:00Z', 'SAME', ['opened']],
    [
      'created in the window, edited since seen',
      { body: 'new' },
      '2026-11-20T10:00:00Z',
      'SAME',
      ['opened', 'edited'],
    ],
    ['created before, never seen', {}, '2026-11-20T10:00:01Z', undefined, ['edited']],
    ['created before, title and body as last admitted', {}, '2026-11-21T00:00:00Z', 'SAME', []],
    ['created before, body changed since', { body: 'new' }, '2026-11-21T00:00:00Z', 'SAME', ['edited']],
    [
      'closed in the window',
      { state: 'closed', closed_at: '2026-11-21T09:00:00Z' },
      '2026-11-21T00:00:00Z',
      'SAME',
      ['closed'],
    ],
    [
      'closed before the window',
      { state: 'closed', closed_at: '2026-11-20T11:00:00Z' },
      '2026-11-21T00:00:00Z',
      'SAME',
      [],
    ],
  ])('%s', (_what, fields, since, last, actions) => {
    const lastContent =
      last === 'SAME' ? contentDigest({ title: issue().title ?? '', body: issue().body ?? '' }) : last;
    const deliveries = issueDeliveries(REPO, issue(fields), since, lastContent);
    expect(deliveries.map((d) => d.payload.action)).toEqual(actions);
    for (const delivery of deliveries)
      expect(normalizeDelivery(delivery.eventType, delivery.payload).outcome).toBe('event');
  });

  it.each<[(typeof ACTIONS)[number], string]>([
    ['opened', '2000-01-01T00:00:00Z'],
    ['edited', '2100-01-01T00:00:00Z'],
    ['closed', '2000-01-01T00:00:00Z'],
  ])('a webhook `%s` and its catch-up twin share one key', (action, since) => {
    const webhook = issuePayload(
      action,
      action === 'closed' ? { issue: { closed_at: '2026-11-21T09:00:00Z' } } : {},
    );
    const twin = issueDeliveries(REPO, webhook.issue as unknown as Issue, since).find(
      (d) => d.payload.action === action,
    );
    expect(keyOf(twin?.eventType ?? '', twin?.payload)).toBe(
      keyOf(deliveryEvent(webhook).eventType, webhook),
    );
  });
});

describe('catch-up: the delivery of a comment', () => {
  const webhook = commentPayload('created', '/help');
  const issue = webhook.issue as unknown as Issue;
  const comment = webhook.comment as unknown as Comment;

  it('created in the window: the same key as the webhook that brought it', () => {
    const twin = commentDelivery(REPO, issue, comment, '2000-01-01T00:00:00Z');
    expect(twin?.eventType).toBe('issue_comment');
    expect(keyOf(twin?.eventType ?? '', twin?.payload)).toBe(keyOf('issue_comment', webhook));
  });

  it('created before the window (only edited in it): nothing', () => {
    expect(commentDelivery(REPO, issue, comment, '2100-01-01T00:00:00Z')).toBeUndefined();
  });

  it('on a pull request: a pull_request_comment delivery', () => {
    const pull = { ...issue, pull_request: { merged: false } } as Issue;
    expect(commentDelivery(REPO, pull, comment, '2000-01-01T00:00:00Z')?.eventType).toBe(
      'pull_request_comment',
    );
  });

  it.each([
    [{ issue_url: 'http://gitea.test/fleet/program/issues/12', pull_request_url: '' }, 12],
    [{ issue_url: '', pull_request_url: 'http://gitea.test/fleet/program/pulls/3' }, 3],
    [{ issue_url: '', pull_request_url: '' }, undefined],
  ])('its issue number from %o is %s', (urls, number) => {
    expect(commentIssueNumber({ ...comment, ...urls })).toBe(number);
  });
});
