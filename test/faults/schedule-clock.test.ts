import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/bot.js';
import { useRedis } from '../support/redis.js';
import { scheduleWorld } from '../support/schedule-world.js';

const redis = useRedis();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const at = (iso: string) => Date.parse(iso);

describe('scheduled runs under a moving clock (real BullMQ promotion, libfaketime)', () => {
  it('each run covers the period of its slot, though its job was made the week or month before', async () => {
    const { titles, clock, queue } = await scheduleWorld(redis, '2026-11-23 08:59:40', cleanups);

    // The worker registers its schedulers on Monday 23 November: the month close's job is made now.
    await eventually(async () => {
      expect((await queue.getJobScheduler('weeklyReminder'))?.next).toBe(at('2026-11-23T09:00:00Z'));
      expect((await queue.getJobScheduler('monthClose'))?.next).toBe(at('2026-12-01T06:00:00Z'));
    }, 20_000);
    const monthJob = await queue.getJob(`repeat:monthClose:${at('2026-12-01T06:00:00Z')}`);
    expect(new Date(monthJob?.timestamp ?? 0).toISOString().slice(0, 7)).toBe('2026-11');

    clock.set('2026-11-23 09:00:00');
    await eventually(() => expect(titles()).toContain('Weekly reports 2026-W47'), 25_000);

    // A week later, same process: the job for this Monday was made at last Monday's run.
    clock.set('2026-11-30 09:00:00');
    await eventually(() => expect(titles()).toContain('Weekly reports 2026-W48'), 25_000);

    // Across the month end, same process: the 1st's run closes November.
    clock.set('2026-12-01 06:00:00');
    await eventually(() => expect(titles()).toContain('Payroll 2026-11'), 25_000);
    expect(titles()).not.toContain('Payroll 2026-10');
    expect(titles().filter((t) => t.startsWith('Weekly reports'))).toEqual([
      'Weekly reports 2026-W47',
      'Weekly reports 2026-W48',
    ]);
  }, 120_000);
});
