import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../src/gitea/event.js';
import { changeOf, createIssueChanged } from '../../src/store/issue-changed.js';
import { botEvent } from '../support/events.js';
import { useRedis } from '../support/redis.js';

// The latest change of an issue the intake was told of (src/store/issue-changed.ts): a comment
// written in that second or earlier is read again before it is decided (src/worker/issue-now.ts).

const redis = useRedis();
const BASE = Date.parse('2026-11-21T10:00:00Z');
const iso = (seconds: number) => new Date(BASE + seconds * 1000).toISOString();
/** Notes one event's change as the intake does (changeOf, then one write). */
const noteOne = (changed: ReturnType<typeof createIssueChanged>, event: BotEvent) => {
  const change = changeOf(event);
  return changed.noteAll(change ? [change] : []);
};

describe('issue-changed: when each issue last changed', () => {
  it.each<{ name: string; noted: [BotEvent['kind'], number][]; asked: number; since: boolean }>([
    { name: 'no change noted: a comment is not older than any', noted: [], asked: 0, since: false },
    { name: 'a close after the comment', noted: [['issue.closed', 60]], asked: 0, since: true },
    {
      name: 'a change in the same second may be the later one',
      noted: [['issue.labeled', 0]],
      asked: 0,
      since: true,
    },
    { name: 'a change before the comment', noted: [['issue.assigned', -1]], asked: 0, since: false },
    { name: 'comments change nothing noted', noted: [['comment.created', 60]], asked: 0, since: false },
    {
      name: 'an older change delivered late does not lower it',
      noted: [
        ['issue.closed', 60],
        ['issue.edited', -30],
      ],
      asked: 30,
      since: true,
    },
  ])('$name', async ({ noted, asked, since }) => {
    const changed = createIssueChanged(redis.client);
    for (const [kind, at] of noted) await noteOne(changed, botEvent({ kind, at: iso(at) }));
    expect(await changed.since('fleet/program', 7, iso(asked))).toBe(since);
  });

  it('other issues and repositories are their own; the repository name is case-insensitive', async () => {
    const changed = createIssueChanged(redis.client);
    await noteOne(changed, botEvent({ kind: 'issue.closed', repo: 'Fleet/Program', at: iso(60) }));
    expect(await changed.since('fleet/program', 7, iso(0))).toBe(true);
    expect(await changed.since('fleet/program', 8, iso(0))).toBe(false);
    expect(await changed.since('fleet/tools', 7, iso(0))).toBe(false);
  });

  it('whatever order the changes arrive in, a comment counts as older iff some change is in its second or later', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -3600, max: 3600 }), { maxLength: 8 }),
        fc.integer({ min: -3600, max: 3600 }),
        async (changes, comment) => {
          await redis.client.flushall();
          const changed = createIssueChanged(redis.client);
          for (const at of changes) await noteOne(changed, botEvent({ kind: 'issue.edited', at: iso(at) }));
          expect(await changed.since('fleet/program', 7, iso(comment))).toBe(
            changes.some((at) => at >= comment),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
