import { describe, expect, it } from 'vitest';
import { failedEventNote } from '../../../src/worker/failed-event-note.js';

const timer = (workflow: string, name: string) => ({
  kind: 'timer.fired' as const,
  timer: { workflow, name, forState: 'open', forVersion: 1 },
});

describe('the note of an event failed for good names it as its reader knows it', () => {
  it.each([
    [
      'a comment',
      {
        kind: 'comment.created' as const,
        comment: { id: 601, body: '/approve', createdAt: '2026-11-02T09:00:00Z' },
      },
      '[this comment](#issuecomment-601)',
    ],
    ["an alert's deadline", timer('alert', 'ackDue'), "the `ackDue` deadline of this issue's alert"],
    [
      "a /ping's deadline, by the ping's id",
      timer('ping', '17'),
      'the answer deadline of a `/ping` in this issue (ping 17)',
    ],
    ['an issue event', { kind: 'issue.closed' as const }, "this issue's `issue.closed` event"],
  ])('%s', (_name, event, named) => {
    const note = failedEventNote(event, 'ev-1');
    expect(note).toContain(`could not handle ${named}:`);
    expect(note).toContain('operator-bot jobs retry ev-1');
  });
});
