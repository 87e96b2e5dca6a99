import type { ProgramConfig } from '../../src/config/program.js';
import type { OperatorRecord } from '../../src/domain/operator-record.js';
import type { CriticalAlertResponse, MonthlyMetrics, PayrollInput } from '../../src/domain/payroll/index.js';
import { monthlyMetrics, type WeeklyReport } from '../../src/domain/reports/index.js';
import { addIsoWeeks, daysOfIsoWeekInMonth, isoWeekMonth } from '../../src/domain/time/iso-week.js';
import { addMonthsTo } from '../../src/domain/time/month.js';

export const MONTH = '2026-10';
const FIRST_WEEK = '2025-W44';
const WEEKS = 52;
/** Distinct report histories; operator i gets history i % PROFILES (aggregating 100,000 × 52 reports would dwarf the payroll). */
const PROFILES = 97;
const YEAR = Array.from({ length: 12 }, (_, i) => addMonthsTo(MONTH, i - 11));

/** A year of weekly reports of one profile, aggregated into the 12 months up to MONTH, as the payroll reads them. */
function yearOfMetrics(profile: number): Omit<MonthlyMetrics, 'login'>[] {
  const reports: WeeklyReport[] = Array.from({ length: WEEKS }, (_, w) => {
    const dispatched = 40 + ((profile * 7 + w) % 30);
    return {
      week: addIsoWeeks(FIRST_WEEK, w),
      uptimePercent: 100 - (((profile + w) * 13) % 11) / 10,
      tasksDispatched: dispatched,
      tasksCompleted: dispatched - ((profile + w) % 4),
    };
  });
  return YEAR.map((month) => {
    const overlapping = reports.filter(
      (r) => daysOfIsoWeekInMonth(r.week, month) > 0 || isoWeekMonth(r.week) === month,
    );
    const m = monthlyMetrics('', month, overlapping);
    return {
      month,
      tasksCompleted: m.tasksCompleted,
      tasksDispatched: m.tasksDispatched,
      reportedWeeks: m.reportedWeeks.length,
      ...(m.uptimePercent === undefined ? {} : { uptimePercent: m.uptimePercent }),
    };
  });
}

let profiles: Omit<MonthlyMetrics, 'login'>[][] | undefined;
const pad = (n: number) => String(n).padStart(6, '0');
const isoDate = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/**
 * `size` operators (1–10 nodes, activated over 2024–2026, 1 in 20 leaving this month, 1 in 5
 * referred by an earlier operator), 12 monthly metrics each, a critical alert for 1 in 10 (1 in 5
 * of those acknowledged late or never), a few adjustments and holds.
 */
export function payrollInput(size: number, config: ProgramConfig): PayrollInput {
  profiles ??= Array.from({ length: PROFILES }, (_, p) => yearOfMetrics(p));
  const operators: OperatorRecord[] = [];
  const metrics: MonthlyMetrics[] = [];
  const alerts: CriticalAlertResponse[] = [];
  for (let i = 0; i < size; i++) {
    const login = `op${pad(i)}`;
    const leaving = i % 20 === 7;
    operators.push({
      login,
      handle: login,
      wallet: `0x${'ab'.repeat(20)}`,
      chain: 'base',
      nodes: 1 + (i % 10),
      region: 'fsn1',
      activatedAt: isoDate((i * 37) % 1000),
      status: leaving ? 'exiting' : 'active',
      ...(leaving ? { endedAt: '2026-10-20' } : {}),
      ...(i % 5 === 4 ? { referrer: `op${pad(Math.floor(i / 5))}` } : {}),
      applicationIssue: `fleet/program#${i + 1}`,
    });
    for (const m of profiles[i % PROFILES] ?? []) metrics.push({ login, ...m });
    if (i % 10 === 3) {
      const minutes = i % 50 === 3 ? undefined : 5 + (i % 40);
      alerts.push({
        login,
        openedAt: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z`,
        ...(minutes === undefined
          ? {}
          : {
              acknowledgedAt: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T08:${String(minutes).padStart(2, '0')}:00Z`,
            }),
      });
    }
  }
  const every = (n: number) => operators.filter((_, i) => i % n === 0).map((o) => o.login);
  return {
    month: MONTH,
    operators,
    metrics,
    alerts,
    adjustments: every(100).map((login) => ({ login, cents: -500, reason: 'late report', by: 'maint' })),
    holds: every(250).map((login) => ({ login, reason: 'wallet check', by: 'maint' })),
    partnerReports: every(5),
    config,
  };
}
