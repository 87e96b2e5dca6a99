import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previousIsoWeek } from '../../../src/domain/time/iso-week.js';
import { previousMonth } from '../../../src/domain/time/month.js';
import { owedRunLine, owedRunName, owedRunOf } from '../../../src/schedules/owed-runs.js';

const DEC_1 = Date.parse('2026-12-01T06:00:00Z');
const JAN_3 = Date.parse('2027-01-03T10:00:00Z');
const failed = { failedAt: JAN_3, attempts: 8, reason: 'Gitea answered 503' };

describe('the run a scheduled job that failed for good owes keeps its period', () => {
  it.each([
    [
      'a job scheduler’s monthClose: its slot',
      {
        data: { schedule: 'monthClose' as const },
        slot: '2026-12-01T06:00:00.000Z',
        madeAt: DEC_1 - 86_400_000,
      },
      { schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' },
      'monthClose for 2026-11',
    ],
    [
      'a weeklyReminder of Monday 30 November: its slot',
      { data: { schedule: 'weeklyReminder' as const }, slot: '2026-11-30T09:00:00.000Z', madeAt: 0 },
      { schedule: 'weeklyReminder', firedAt: '2026-11-30T09:00:00.000Z' },
      'weeklyReminder for 2026-W48',
    ],
    [
      'a run given its month (payroll open --month)',
      { data: { schedule: 'monthClose' as const, month: '2026-09' }, slot: undefined, madeAt: DEC_1 },
      { schedule: 'monthClose', month: '2026-09' },
      'monthClose for 2026-09',
    ],
    [
      'a run given its week (a late report refreshing the reminder)',
      { data: { schedule: 'weeklyReminder' as const, week: '2026-W40' }, slot: undefined, madeAt: DEC_1 },
      { schedule: 'weeklyReminder', week: '2026-W40' },
      'weeklyReminder for 2026-W40',
    ],
    [
      'a run added by hand, neither slot nor period: when it was made',
      { data: { schedule: 'credentialCheck' as const }, slot: undefined, madeAt: DEC_1 },
      { schedule: 'credentialCheck', firedAt: '2026-12-01T06:00:00.000Z' },
      'credentialCheck of 2026-12-01',
    ],
  ])('%s', (_, job, run, name) => {
    const owed = owedRunOf({ ...job, ...failed });
    expect(owed).toEqual({
      run,
      failedAt: '2027-01-03T10:00:00.000Z',
      attempts: 8,
      reason: 'Gitea answered 503',
    });
    expect(owedRunName(owed)).toBe(name);
    expect(owedRunLine(owed)).toBe(
      `${name} owed since 2027-01-03T10:00:00.000Z, will run with the next catch-up`,
    );
  });

  it('a monthClose or weeklyReminder run again covers its slot’s month or week, however late it fails or runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }),
        fc.nat(400 * 86_400_000),
        fc.constantFrom('monthClose' as const, 'weeklyReminder' as const),
        (slotMs, lateMs, schedule) => {
          const slot = new Date(slotMs);
          const owed = owedRunOf({
            data: { schedule },
            slot: slot.toISOString(),
            madeAt: slotMs - 7 * 86_400_000,
            failedAt: slotMs + lateMs,
            attempts: 8,
            reason: '',
          });
          expect(owed.run.firedAt).toBe(slot.toISOString());
          expect(owedRunName(owed)).toBe(
            schedule === 'monthClose'
              ? `monthClose for ${previousMonth(slot)}`
              : `weeklyReminder for ${previousIsoWeek(slot)}`,
          );
        },
      ),
    );
  });
});
