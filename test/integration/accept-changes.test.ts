import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAcceptDelivery } from '../../src/queue/intake-log.js';
import { INTAKE_STREAM } from '../../src/store/intake.js';
import type { IssueChange } from '../../src/store/issue-changed.js';
import { useRedis } from '../support/redis.js';

// The intake's accept script (src/queue/intake-log.ts ACCEPT_LUA) writes a batch of deliveries and
// the issue changes they carry in one call: KEYS and ARGV hold both, so a count off by one would
// shift a delivery's fields or note a change under the wrong key.

const redis = useRedis();
const issueKey = (n: number) => `ob:issue-changed:fleet/program#${n}`;

type Item = { job: number; changes: [issue: number, at: number][] };

describe('accepted deliveries and the issue changes they carry, in one script call', () => {
  it('any batch: each new delivery is appended whole, a repeat is flagged, each change raises its issue only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            job: fc.integer({ min: 1, max: 6 }),
            changes: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 10_000 })), {
              maxLength: 4,
            }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 4, maxLength: 4 }),
        async (items: Item[], before: number[]) => {
          await redis.client.flushall();
          for (const [i, at] of before.entries()) await redis.client.set(issueKey(i + 1), String(at));
          const accept = createAcceptDelivery(redis.client);
          // Called in one turn of the event loop: one group commit, one script call.
          const answers = await Promise.all(
            items.map(({ job, changes }) =>
              accept(
                {} as never,
                `ev-${job}`,
                { eventType: 'issue_comment', deliveryId: `d-${job}`, body: Buffer.from(`{"job":${job}}`) },
                changes.map(([issue, at]): IssueChange => [issueKey(issue), at]),
              ),
            ),
          );
          const firsts = items.map(({ job }, i) => items.findIndex((other) => other.job === job) === i);
          expect(answers).toEqual(firsts.map((first) => (first ? 'queued' : 'duplicate')));
          const entries = await redis.client.xrange(INTAKE_STREAM, '-', '+');
          const appended = items.filter((_, i) => firsts[i]);
          expect(entries.map(([, fields]) => fields)).toEqual(
            appended.map(({ job }) => [
              'job',
              `ev-${job}`,
              'payload',
              `{"job":${job}}`,
              'type',
              'issue_comment',
              'delivery',
              `d-${job}`,
            ]),
          );
          for (let issue = 1; issue <= 4; issue++) {
            const carried = items.flatMap((item) =>
              item.changes.filter(([n]) => n === issue).map(([, at]) => at),
            );
            expect(Number(await redis.client.get(issueKey(issue)))).toBe(
              Math.max(before[issue - 1] ?? 0, ...carried),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
