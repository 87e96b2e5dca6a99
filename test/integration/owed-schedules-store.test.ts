import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOwedScheduleStore, type OwedRun } from '../../src/store/owed-schedules.js';
import { useRedis } from '../support/redis.js';

// The scheduled runs owed since they failed for good (src/store/owed-schedules.ts), which each
// catch-up runs again oldest first (src/schedules/owed-runs.ts).

const redis = useRedis();
const owedRun = (run: OwedRun['run'], failedAt = '2026-12-01T06:04:00.000Z'): OwedRun => ({
  run,
  failedAt,
  attempts: 8,
  reason: 'Gitea answered 503',
});

describe('the owed scheduled runs', () => {
  it('are listed oldest slot first; a run given its month (no slot) counts from when it failed', async () => {
    const store = createOwedScheduleStore(redis.client);
    await store.owe(
      'repeat:monthClose:2',
      owedRun({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' }),
    );
    await store.owe(
      'by-hand',
      owedRun({ schedule: 'monthClose', month: '2026-09' }, '2026-11-20T10:00:00.000Z'),
    );
    await store.owe(
      'repeat:weeklyReminder:1',
      owedRun({ schedule: 'weeklyReminder', firedAt: '2026-11-30T09:00:00.000Z' }),
    );
    expect((await store.owed()).map((o) => o.jobId)).toEqual([
      'by-hand',
      'repeat:weeklyReminder:1',
      'repeat:monthClose:2',
    ]);
  });

  it('an entry that no longer reads as an owed run (a hand edit, an older shape) is dropped, the others kept', async () => {
    const store = createOwedScheduleStore(redis.client);
    await store.owe(
      'repeat:monthClose:2',
      owedRun({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' }),
    );
    await redis.client.hset(
      'ob:owed-schedules',
      'broken',
      '{not json',
      'old',
      JSON.stringify({ schedule: 'monthClose' }),
    );
    expect((await store.owed()).map((o) => o.jobId)).toEqual(['repeat:monthClose:2']);
    expect(await redis.client.hkeys('ob:owed-schedules')).toEqual(['repeat:monthClose:2']);
  });

  it('a run owed again (it failed for good again) is one entry; paid, it is gone', async () => {
    const store = createOwedScheduleStore(redis.client);
    const run = { schedule: 'monthClose' as const, firedAt: '2026-12-01T06:00:00.000Z' };
    await store.owe('repeat:monthClose:2', owedRun(run));
    await store.owe('repeat:monthClose:2', owedRun(run, '2026-12-02T06:00:00.000Z'));
    expect(await store.owed()).toEqual([
      { jobId: 'repeat:monthClose:2', ...owedRun(run, '2026-12-02T06:00:00.000Z') },
    ]);
    await store.paid('repeat:monthClose:2');
    expect(await store.owed()).toEqual([]);
  });

  it('whatever the order they were owed in, they are listed by slot', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        async (hours) => {
          await redis.client.del('ob:owed-schedules');
          const store = createOwedScheduleStore(redis.client);
          for (const hour of hours) {
            const firedAt = new Date(Date.parse('2026-01-01T00:00:00Z') + hour * 3_600_000).toISOString();
            await store.owe(
              `repeat:credentialCheck:${hour}`,
              owedRun({ schedule: 'credentialCheck', firedAt }),
            );
          }
          expect((await store.owed()).map((o) => o.jobId)).toEqual(
            [...hours].sort((a, b) => a - b).map((hour) => `repeat:credentialCheck:${hour}`),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
