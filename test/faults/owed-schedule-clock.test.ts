import { afterEach, describe, expect, it } from 'vitest';
import { createOwedScheduleStore } from '../../src/store/owed-schedules.js';
import { eventually } from '../support/bot.js';
import { useRedis } from '../support/redis.js';
import { scheduleWorld } from '../support/schedule-world.js';

const redis = useRedis();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const at = (iso: string) => Date.parse(iso);

describe('a month close that failed for good runs again for its own month (real BullMQ scheduler, libfaketime)', () => {
  it('Gitea away at 06:00 on 1 December: no payroll issue; on 3 January, Gitea back, the catch-up opens November’s beside December’s', async () => {
    const { server, titles, clock, queue } = await scheduleWorld(redis, '2026-11-30 23:59:40', cleanups, {
      JOB_ATTEMPTS: '2',
      JOB_BACKOFF_MS: '100',
      GITEA_TIMEOUT_MS: '300',
    });
    const owed = () => createOwedScheduleStore(redis.client).owed();
    const decemberClose = `repeat:monthClose:${at('2026-12-01T06:00:00Z')}`;
    await eventually(
      async () => expect((await queue.getJobScheduler('monthClose'))?.next).toBe(at('2026-12-01T06:00:00Z')),
      20_000,
    );

    // Gitea answers 503 to everything from 06:00 on the 1st: every try of the month close fails.
    server.gitea.failNext({ path: /.*/, status: 503, times: 1_000_000 });
    clock.set('2026-12-01 06:00:00');
    await eventually(async () => expect((await owed()).map((o) => o.jobId)).toEqual([decemberClose]), 30_000);
    expect(await queue.getJobState(decemberClose)).toBe('failed');
    expect(titles()).toEqual([]);

    // A month later Gitea is back: the catch-up closes November, the January run December.
    server.gitea.clearFaults();
    clock.set('2027-01-03 10:00:00');
    await eventually(() => expect(titles()).toContain('Payroll 2026-11'), 30_000);
    await eventually(() => expect(titles()).toContain('Payroll 2026-12'), 30_000);
    await eventually(async () => expect(await owed()).toEqual([]));
    expect(titles().filter((t) => t.startsWith('Payroll'))).toHaveLength(2);
  }, 120_000);
});
