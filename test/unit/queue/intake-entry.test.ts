import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BotEvent, CATCH_UP_DELIVERY_ID } from '../../../src/gitea/event.js';
import { normalizeDelivery } from '../../../src/gitea/normalize.js';
import {
  deliveryEntry,
  ENTRY_PAIRS,
  type EntryPairs,
  entryEvent,
  eventEntry,
} from '../../../src/queue/intake-entry.js';
import { commentPayload, issuePayload } from '../../support/deliveries.js';
import { goIndentedJson } from '../../support/gitea/go-json.js';

/** The fields as XREADGROUP gives them back: every value a string (a Buffer's bytes read as UTF-8). */
const asRead = (pairs: EntryPairs) => pairs.map((value) => value.toString());
const valuesOf = (pairs: EntryPairs) => asRead(pairs).filter((_, i) => i % 2 === 1);

const anEvent = fc
  .record({
    issueBody: fc.string({ unit: 'binary' }),
    comment: fc.option(fc.record({ id: fc.nat(), body: fc.string({ unit: 'binary' }) }), { nil: undefined }),
    title: fc.string(),
  })
  .map(
    ({ issueBody, comment, title }): BotEvent => ({
      kind: comment ? 'comment.created' : 'issue.opened',
      repo: 'fleet/program',
      issue: {
        number: 7,
        id: 70,
        title,
        body: issueBody,
        author: 'alice',
        state: 'open',
        labels: ['a'],
        assignees: [],
        createdAt: '2026-11-21T10:00:00.000Z',
        isPull: false,
      },
      actor: 'alice',
      at: '2026-11-21T10:00:00.000Z',
      ...(comment ? { comment: { ...comment, createdAt: '2026-11-21T10:00:00.000Z' } } : {}),
    }),
  );

/** An event of issue a/b#1 whose body is `body`. */
const issueEvent = (kind: BotEvent['kind'], body: string): BotEvent => ({
  kind,
  repo: 'a/b',
  issue: {
    number: 1,
    id: 1,
    title: 't',
    body,
    author: 'x',
    state: 'open',
    labels: [],
    assignees: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    isPull: false,
  },
  actor: 'x',
  at: '2026-01-01T00:00:00.000Z',
});

describe('intake stream entry', () => {
  it('gives back the event it was written from, whatever its texts', () => {
    fc.assert(
      fc.property(anEvent, (event) => {
        const pairs = eventEntry('ev-1', event);
        expect(pairs).toHaveLength(2 * ENTRY_PAIRS);
        expect(entryEvent(asRead(pairs))).toEqual({ job: 'ev-1', event });
      }),
    );
  });

  it('keeps the texts out of the JSON (written as they are, not escaped)', () => {
    const [, json, issueBody, commentBody] = valuesOf(
      eventEntry('ev-1', {
        ...issueEvent('comment.created', 'issue\ntext'),
        comment: { id: 2, body: 'comment\ntext', createdAt: '2026-01-01T00:00:00.000Z' },
      }),
    );
    expect([json?.includes('text'), issueBody, commentBody]).toEqual([false, 'issue\ntext', 'comment\ntext']);
  });

  it('has no `event` field: a mover from before the split drops the entry instead of acting on an event without its texts', () => {
    const pairs = eventEntry('ev-1', issueEvent('issue.edited', 'the form'));
    expect(pairs.filter((_, i) => i % 2 === 0)).toEqual(['job', 'shell', 'issue-body', 'comment-body']);
  });

  it.each([
    ['not JSON', ['job', 'ev-1', 'shell', '{"kind": ', 'issue-body', '', 'comment-body', '']],
    ['an old entry not JSON', ['job', 'ev-1', 'event', '{"kind": ']],
    ['no event field', ['job', 'ev-1']],
    [
      'a payload not JSON',
      ['job', 'ev-1', 'payload', '{"action": ', 'type', 'issue_comment', 'delivery', 'd'],
    ],
    [
      'a payload of an event type not handled',
      ['job', 'ev-1', 'payload', '{}', 'type', 'push', 'delivery', 'd'],
    ],
    [
      'a payload that is not an issue comment',
      ['job', 'ev-1', 'payload', '{"action":"created"}', 'type', 'issue_comment', 'delivery', 'd'],
    ],
  ])('an entry with %s has no event, and says why (the mover drops it, saying so)', (_what, fields) => {
    const read = entryEvent(fields);
    expect({ job: read.job, event: read.event }).toEqual({ job: 'ev-1', event: undefined });
    expect(read.problem).toMatch(/\w/);
  });
});

describe('intake stream entry of a webhook delivery', () => {
  const delivery = (eventType: string, payload: unknown, deliveryId = 'd-1') => ({
    eventType,
    deliveryId,
    body: Buffer.from(goIndentedJson(payload)),
  });

  it('stores the bytes as received (the field is the Buffer itself: nothing is re-encoded)', () => {
    const body = delivery('issue_comment', commentPayload('created', '/status')).body;
    const pairs = deliveryEntry('ev-1', { eventType: 'issue_comment', deliveryId: 'd-1', body });
    expect(pairs[3]).toBe(body);
    expect(pairs.filter((_, i) => i % 2 === 0)).toEqual(['job', 'payload', 'type', 'delivery']);
  });

  it('gives back the event the intake built from the payload, whatever the texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (comment, issueBody) => {
        const payload = commentPayload('created', comment, { issue: { body: issueBody } });
        const raw = delivery('issue_comment', payload);
        const atIntake = normalizeDelivery('issue_comment', JSON.parse(raw.body.toString()), 'd-1', 'light');
        expect(atIntake.outcome).toBe('event');
        if (atIntake.outcome !== 'event') return;
        expect(entryEvent(asRead(deliveryEntry('ev-1', raw)))).toEqual({
          job: 'ev-1',
          event: atIntake.event,
        });
        expect(atIntake.event.comment?.body).toBe(comment);
      }),
      { numRuns: 60 },
    );
  });

  // The header is not signed: an event with no delivery id or the catch-up's would skip the
  // check with Gitea of a program.repos delivery (src/worker/confirm-delivery.ts).
  it.each([
    ['abc', 'abc'],
    ['', 'webhook:'],
    [CATCH_UP_DELIVERY_ID, 'webhook:catch-up'],
  ])('keeps the delivery id %j as %j: never none, never the catch-up’s', (header, expected) => {
    const entry = entryEvent(
      asRead(deliveryEntry('ev-1', delivery('issues', issuePayload('opened'), header))),
    );
    expect((entry.event as BotEvent).deliveryId).toBe(expected);
  });
});
