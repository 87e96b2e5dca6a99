import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../../src/gitea/event.js';
import { quietCommentIds } from '../../../src/rebuild/quiet-ids.js';

const REPO = { owner: 'fleet', name: 'program' };
const eventIn = (issue: number) =>
  ({ repo: 'fleet/program', issue: { number: issue } }) as unknown as BotEvent;

describe('the ids of the comments a quiet replay writes', () => {
  it('are the same for each issue whatever order the issues write in (events finishing side by side)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }), (writes) => {
        const events = [1, 2, 3, 4, 5].map(eventIn);
        const inOrder = quietCommentIds(events);
        const byIssue = (calls: number[], next: (issue: number) => number) => {
          const ids = new Map<number, number[]>();
          for (const issue of calls) ids.set(issue, [...(ids.get(issue) ?? []), next(issue)]);
          return ids;
        };
        const shuffled = quietCommentIds(events);
        // The same writes per issue, the issues interleaved differently (sorted by issue).
        const a = byIssue(writes, (issue) => inOrder(REPO, issue));
        const b = byIssue(
          [...writes].sort((x, y) => x - y),
          (issue) => shuffled(REPO, issue),
        );
        expect(b).toEqual(a);
      }),
    );
  });

  it.each([
    ['the first of the first issue', [1], 1_000_000_000],
    ['the second of the first issue', [1, 1], 1_000_000_001],
    ['the first of the second issue, after the first wrote', [1, 2], 1_000_100_000],
    ['an issue without events, after those with', [9], 1_000_200_000],
  ] as [string, number[], number][])('%s', (_, calls, last) => {
    const next = quietCommentIds([eventIn(1), eventIn(2)]);
    const ids = calls.map((issue) => next(REPO, issue));
    expect(ids.at(-1)).toBe(last);
  });

  it('never gives two comments one id', () => {
    const next = quietCommentIds([eventIn(1), eventIn(2)]);
    const ids = [1, 2, 1, 3, 2, 1].map((issue) => next(REPO, issue));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
