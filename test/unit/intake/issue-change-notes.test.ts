import { describe, expect, it } from 'vitest';
import { COMMENTED_ISSUES, createIssueChangeNotes } from '../../../src/intake/issue-change-notes.js';
import type { IssueChange } from '../../../src/store/issue-changed.js';
import { commentPayload, issueLabelPayload } from '../../support/deliveries.js';
import { deliveredEvent } from '../../support/events.js';

const REPO = 'fleet/program';

const eventOf = deliveredEvent;
const labelChange = (issue: number, at: string) =>
  eventOf(issueLabelPayload([], { number: issue, issue: { number: issue, updated_at: at } }));
/** A comment delivery sent by Gitea (decided as of itself: asOfComment). */
const commentIn = (issue: number) =>
  eventOf(commentPayload('created', '/help', { issue: { number: issue }, comment: { id: issue } }));

function notesWriting(fail = false) {
  const writes: IssueChange[][] = [];
  const notes = createIssueChangeNotes(
    (repo) => repo === REPO,
    async (changes) => {
      if (fail) throw new Error('redis is away');
      writes.push([...changes]);
    },
  );
  return { notes, writes };
}

describe('issue changes kept in memory', () => {
  it('a change of an issue with no accepted comment is kept, not written', async () => {
    const { notes, writes } = notesWriting();
    const change = labelChange(40, '2026-11-30T10:00:00Z');
    notes.note(change);
    await notes.settle(change);
    expect(writes).toEqual([]);
    expect(notes.take()).toEqual([[`ob:issue-changed:${REPO}#40`, Date.parse('2026-11-30T10:00:00Z')]]);
  });

  it('a change of an issue whose comment delivery was accepted is written at once, with all kept', async () => {
    const { notes, writes } = notesWriting();
    notes.note(labelChange(40, '2026-11-30T10:00:00Z'));
    notes.accepting(commentIn(9));
    const change = labelChange(9, '2026-11-30T10:00:05Z');
    notes.note(change);
    await notes.settle(change);
    expect(writes).toEqual([
      [
        [`ob:issue-changed:${REPO}#40`, Date.parse('2026-11-30T10:00:00Z')],
        [`ob:issue-changed:${REPO}#9`, Date.parse('2026-11-30T10:00:05Z')],
      ],
    ]);
    expect(notes.take()).toEqual([]);
  });

  it('a comment the catch-up read (decided on the issue read) does not make its issue written at once', async () => {
    const { notes, writes } = notesWriting();
    notes.accepting(
      eventOf(commentPayload('created', '/help', { issue: { number: 9 }, comment: { id: 9 } }), 'catch-up'),
    );
    const change = labelChange(9, '2026-11-30T10:00:05Z');
    notes.note(change);
    await notes.settle(change);
    expect(writes).toEqual([]);
  });

  it('a failed write keeps the changes for the next one, and throws', async () => {
    const { notes } = notesWriting(true);
    notes.accepting(commentIn(9));
    const change = labelChange(9, '2026-11-30T10:00:05Z');
    notes.note(change);
    await expect(notes.settle(change)).rejects.toThrow('redis is away');
    expect(notes.take()).toEqual([[`ob:issue-changed:${REPO}#9`, Date.parse('2026-11-30T10:00:05Z')]]);
  });

  it(`remembers the last ${COMMENTED_ISSUES} issues with an accepted comment`, async () => {
    const { notes, writes } = notesWriting();
    for (let issue = 1; issue <= COMMENTED_ISSUES + 1; issue++) notes.accepting(commentIn(issue));
    for (const issue of [1, 2]) {
      const change = labelChange(issue, '2026-11-30T10:00:05Z');
      notes.note(change);
      await notes.settle(change);
    }
    // #1 was forgotten: its change waits in memory and goes with #2's, written at once.
    expect(writes.map((changes) => changes.map(([key]) => key))).toEqual([
      [`ob:issue-changed:${REPO}#1`, `ob:issue-changed:${REPO}#2`],
    ]);
  });
});
