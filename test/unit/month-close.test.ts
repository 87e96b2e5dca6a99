import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import type { StoredReport } from '../../src/domain/reports/stored.js';
import { isoWeekMonth, isoWeeksOverlappingMonth } from '../../src/domain/time/iso-week.js';
import { monthClose, previousMonth } from '../../src/schedules/month-close.js';
import { activeOperator } from '../support/workflows.js';

const config = defaultProgramConfig();
const reportsAt = (uptimeByMonth: Record<string, number>): StoredReport[] =>
  Object.entries(uptimeByMonth).flatMap(([month, uptimePercent]) =>
    isoWeeksOverlappingMonth(month)
      .filter((week) => isoWeekMonth(week) === month)
      .map((week) => ({
        report: { week, uptimePercent, tasksCompleted: 1, tasksDispatched: 1 },
        source: { issue: 'fleet/program#1', commentId: 1, at: '2026-12-01T00:00:00.000Z' },
      })),
  );
const close = (uptimes: Record<string, number>) =>
  monthClose(
    '2026-11',
    [activeOperator('bob')],
    () => reportsAt(uptimes),
    config,
    '2026-12-01T06:00:00.000Z',
  );
const proposals = (effects: ReturnType<typeof close>) =>
  effects.filter((e) => e.type === 'openProgramIssue' && e.issue.title.startsWith('Termination proposed'));

describe('closing a month', () => {
  it('opens the payroll of the previous month', () => {
    expect(previousMonth(new Date('2026-12-01T06:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2027-01-01T06:00:00Z'))).toBe('2026-12');
    expect(close({})[0]).toMatchObject({
      type: 'openProgramIssue',
      key: 'payroll-2026-11',
      start: true,
      issue: { title: 'Payroll 2026-11' },
    });
  });

  it('proposes a termination after three months under 97% uptime', () => {
    const effects = proposals(close({ '2026-09': 96.9, '2026-10': 96.9, '2026-11': 96.9 }));
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ issue: { title: 'Termination proposed: @bob' } });
  });

  it.each([
    ['97.0 in one month breaks the streak', { '2026-09': 96.9, '2026-10': 97.0, '2026-11': 96.9 }],
    ['a month without reports breaks it', { '2026-09': 96.9, '2026-11': 96.9 }],
    ['a good month before two bad ones', { '2026-09': 99.9, '2026-10': 96.9, '2026-11': 96.9 }],
  ])('does not propose when %s', (_why, uptimes) => {
    expect(proposals(close(uptimes))).toEqual([]);
  });
});
