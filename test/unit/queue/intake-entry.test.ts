import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../../src/gitea/event.js';
import { ENTRY_VALUES_PER_EVENT, entryEvent, entryValues } from '../../../src/queue/intake-entry.js';

const NAMES = ['job', 'shell', 'issue-body', 'comment-body'];
const fieldsOf = (values: string[]) => values.flatMap((value, i) => [NAMES[i] as string, value]);

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

describe('intake stream entry', () => {
  it('gives back the event it was written from, whatever its texts', () => {
    fc.assert(
      fc.property(anEvent, (event) => {
        const values = entryValues('ev-1', event);
        expect(values).toHaveLength(ENTRY_VALUES_PER_EVENT);
        expect(entryEvent(fieldsOf(values))).toEqual({ job: 'ev-1', event });
      }),
    );
  });

  it('keeps the texts out of the JSON (written as they are, not escaped)', () => {
    const [, json, issueBody, commentBody] = entryValues('ev-1', {
      kind: 'comment.created',
      repo: 'a/b',
      issue: {
        number: 1,
        id: 1,
        title: 't',
        body: 'issue\ntext',
        author: 'x',
        state: 'open',
        labels: [],
        assignees: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        isPull: false,
      },
      actor: 'x',
      at: '2026-01-01T00:00:00.000Z',
      comment: { id: 2, body: 'comment\ntext', createdAt: '2026-01-01T00:00:00.000Z' },
    });
    expect([json.includes('text'), issueBody, commentBody]).toEqual([false, 'issue\ntext', 'comment\ntext']);
  });

  it('has no `event` field: a mover from before the split drops the entry instead of acting on an event without its texts', () => {
    const values = entryValues('ev-1', {
      kind: 'issue.edited',
      repo: 'a/b',
      issue: {
        number: 1,
        id: 1,
        title: 't',
        body: 'the form',
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
    expect(fieldsOf(values).filter((_, i) => i % 2 === 0)).toEqual([
      'job',
      'shell',
      'issue-body',
      'comment-body',
    ]);
  });

  it.each([
    ['not JSON', ['job', 'ev-1', 'shell', '{"kind": ', 'issue-body', '', 'comment-body', '']],
    ['an old entry not JSON', ['job', 'ev-1', 'event', '{"kind": ']],
    ['no event field', ['job', 'ev-1']],
  ])('an entry with %s has no event (the mover drops it, saying so)', (_what, fields) => {
    expect(entryEvent(fields)).toEqual({ job: 'ev-1', event: undefined });
  });
});
