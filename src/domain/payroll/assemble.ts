import type { ProgramConfig } from '../../config/program.js';
import type { AlertRecord } from '../alerts/record.js';
import type { OperatorHistory } from '../history/events.js';
import { type ActiveRange, monthlyMetrics } from '../reports/index.js';
import type { StoredReport } from '../reports/stored.js';
import { isoDay } from '../time/day.js';
import { monthCalendar } from '../time/month.js';
import { type Adjustment, type Hold, monthLines, type PayrollInput } from './index.js';

export type PayrollSources = {
  histories: OperatorHistory[];
  reportsOf: (login: string) => StoredReport[];
  alerts: AlertRecord[];
  adjustments?: Adjustment[];
  holds?: Hold[];
  partnerReports?: string[];
};

/**
 * The payroll input of a month from what the bot stored: monthly metrics from the weekly
 * reports, each counting only for the days its operator was active (a report for a week before
 * the activation earns nothing), and the month's critical alerts. An alert counts as answered
 * only when the responsible operator acknowledged it (PROGRAM.md: "first acknowledgement by the
 * responsible operator"); a maintainer's /ack stops the escalation but is not the operator's
 * response.
 */
export function payrollInput(month: string, sources: PayrollSources, config: ProgramConfig): PayrollInput {
  const calendar = monthCalendar(month);
  const metrics = sources.histories.map((history) => {
    const active: ActiveRange[] = monthLines(history, calendar).map(({ period }) => ({
      first: isoDay(period.firstDay),
      last: isoDay(period.lastDay),
    }));
    const aggregate = monthlyMetrics(
      history.login,
      month,
      sources.reportsOf(history.login).map((stored) => stored.report),
      active,
    );
    return {
      login: history.login,
      month,
      ...(aggregate.uptimePercent !== undefined ? { uptimePercent: aggregate.uptimePercent } : {}),
      tasksCompleted: aggregate.tasksCompleted,
      tasksDispatched: aggregate.tasksDispatched,
      reportedWeeks: aggregate.reportedWeeks.length,
    };
  });
  const alerts = sources.alerts
    // Judged against the highest severity the alert ever had: lowering it later does not take it out.
    .filter((alert) => (alert.peakSeverity ?? alert.severity) === 'critical' && alert.login !== '')
    .map((alert) => {
      const byOperator = alert.acknowledgedBy?.toLowerCase() === alert.login.toLowerCase();
      return {
        login: alert.login,
        openedAt: alert.openedAt,
        ...(byOperator && alert.acknowledgedAt ? { acknowledgedAt: alert.acknowledgedAt } : {}),
      };
    });
  return {
    month,
    operators: [],
    histories: sources.histories,
    metrics,
    alerts,
    adjustments: sources.adjustments ?? [],
    holds: sources.holds ?? [],
    partnerReports: sources.partnerReports ?? [],
    config,
  };
}
