import { describe, expect, it } from 'vitest';
import { payrollInput } from '../../../../src/domain/payroll/assemble.js';
import { computePayroll } from '../../../../src/domain/payroll/index.js';
import type { StoredReport } from '../../../../src/domain/reports/stored.js';
import { CONFIG } from '../payroll/support.js';
import { activated, history } from './support.js';

const stored = (week: string, uptimePercent: number, done: number, of: number): StoredReport => ({
  report: { week, uptimePercent, tasksCompleted: done, tasksDispatched: of },
  source: { issue: 'fleet/program#1', commentId: 1, at: '2026-11-30T12:00:00Z' },
});

const novemberLine = (reports: StoredReport[]) => {
  const input = payrollInput(
    '2026-11',
    {
      histories: [history('dot', [activated('2026-11-30T08:00:00Z')])],
      reportsOf: () => reports,
      alerts: [],
    },
    CONFIG,
  );
  return computePayroll(input).lines[0];
};

describe('a /report counts only for the days of its week the operator was active', () => {
  it('earns a one-day operator no uptime or completion bonus for a week that ended before the activation', () => {
    // Activated Monday 30 November; 2026-W47 is 16–22 November.
    const line = novemberLine([stored('2026-W47', 100, 25, 25)]);
    expect(line?.activeDays).toBe(1);
    expect(line?.bonuses).toMatchObject({ uptime: 0, completion: 0 });
    // It earned $100 ($50 + $30 + $20); only the response bonus (no critical alerts) is left.
    expect(line?.bonusCents).toBe(2000);
    expect(line?.flags).toContain('missing-report');
    expect(line?.bonusDetails.uptime.metric).toBe('no uptime reported for the month');
  });

  it('weighs a straddling week only by its active days: W49 counts for 30 November alone', () => {
    const line = novemberLine([stored('2026-W48', 90, 25, 25), stored('2026-W49', 99.9, 5, 5)]);
    // W48 (23–29 Nov) is before the activation; W49's 30 November is the one active day of November.
    expect(line?.bonusDetails.uptime.metric).toBe('uptime 99.9% > 99.5% (1 weekly report)');
    expect(line?.bonuses.uptime).toBe(5000);
  });
});
