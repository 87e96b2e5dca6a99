import type { ProgramConfig } from '../config/program.js';
import { proposeTermination } from '../domain/exit/open-termination.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { payrollIssue } from '../domain/payroll/marker.js';
import { addMonthsTo, findLowUptimeStreak, monthlyMetrics, parseMonth } from '../domain/reports/index.js';
import type { StoredReport } from '../domain/reports/stored.js';
import type { Effect } from '../engine/effects.js';

/** The month before the one `now` is in: the month a run on the 1st closes. */
export function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/**
 * What closing a month does: open its payroll issue, and propose a termination review for each
 * operator whose uptime stayed under the threshold for the last N months (PROGRAM.md). Pure.
 */
export function monthClose(
  month: string,
  operators: readonly OperatorRecord[],
  reportsOf: (login: string) => readonly StoredReport[],
  config: ProgramConfig,
  at: string,
): Effect[] {
  const payroll = payrollIssue(month);
  const effects: Effect[] = [
    { type: 'openProgramIssue', key: payroll.key, issue: payroll.issue, start: true },
  ];
  const { lowUptimePercent, lowUptimeMonths } = config.exit;
  const parsed = parseMonth(month);
  if (!parsed) return effects;
  const months = Array.from({ length: lowUptimeMonths }, (_, i) =>
    addMonthsTo(month, i - lowUptimeMonths + 1),
  );
  for (const operator of operators.filter((o) => o.status === 'active')) {
    const reports = reportsOf(operator.login).map((r) => r.report);
    const series = months.map((m) => ({
      month: m,
      uptimePercent: monthlyMetrics(operator.login, m, reports).uptimePercent,
    }));
    const streak = findLowUptimeStreak(series, lowUptimePercent, lowUptimeMonths, month);
    if (!streak) continue;
    const readings = series.map((s) => `${s.month} ${s.uptimePercent}%`).join(', ');
    effects.push(
      proposeTermination({
        login: operator.login,
        reason: `uptime below ${lowUptimePercent}% for ${lowUptimeMonths} consecutive months (${readings})`,
        by: 'operator-bot',
        mode: 'proposed',
        at,
        key: `termination-uptime-${operator.login}-${month}`,
      }),
    );
  }
  return effects;
}
