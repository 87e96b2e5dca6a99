import type { ProgramConfig } from '../../config/program.js';
import { plural } from '../text/plural.js';
import { formatDuration } from '../time/duration.js';
import { instantMs } from '../time/instant.js';
import { formatPercent } from './format.js';
import type { CriticalAlertResponse, MonthlyMetrics } from './inputs.js';
import type { BonusDetail } from './line.js';
import { ratioExceedsPercent } from './money.js';

const decided = (earned: boolean, cents: number, metric: string): BonusDetail => ({
  cents: earned ? cents : 0,
  earned,
  metric,
});

/** Uptime bonus: the month's uptime strictly above `thresholds.uptimePercent`; no data, no bonus. */
export function uptimeBonus(metrics: MonthlyMetrics | undefined, config: ProgramConfig): BonusDetail {
  const threshold = config.payroll.thresholds.uptimePercent;
  const cents = config.payroll.bonuses.uptimeCents;
  const uptime = metrics?.uptimePercent;
  if (uptime === undefined) return decided(false, cents, 'no uptime reported for the month');
  const earned = uptime > threshold;
  const weeks = metrics?.reportedWeeks ? ` (${plural(metrics.reportedWeeks, 'weekly report')})` : '';
  return decided(
    earned,
    cents,
    `uptime ${formatPercent(uptime, threshold)} ${earned ? '>' : '≤'} ${threshold}%${weeks}`,
  );
}

/** Completion bonus: completed / dispatched strictly above `thresholds.completionPercent`; none dispatched, none. */
export function completionBonus(metrics: MonthlyMetrics | undefined, config: ProgramConfig): BonusDetail {
  const threshold = config.payroll.thresholds.completionPercent;
  const cents = config.payroll.bonuses.completionCents;
  const completed = metrics?.tasksCompleted ?? 0;
  const dispatched = metrics?.tasksDispatched ?? 0;
  if (dispatched === 0) return decided(false, cents, 'no tasks dispatched');
  const earned = ratioExceedsPercent(completed, dispatched, threshold);
  const ratio = formatPercent((completed / dispatched) * 100, threshold);
  return decided(
    earned,
    cents,
    `completion ${completed}/${dispatched} = ${ratio} ${earned ? '>' : '≤'} ${threshold}%`,
  );
}

/**
 * Critical-response bonus: every critical alert opened in the month acknowledged in strictly
 * less than `thresholds.responseWithin`; an unacknowledged one is a breach; none is earned.
 * `alerts` are the operator's alerts of the month.
 */
export function responseBonus(alerts: CriticalAlertResponse[], config: ProgramConfig): BonusDetail {
  const limit = config.payroll.thresholds.responseWithin;
  const cents = config.payroll.bonuses.responseCents;
  if (alerts.length === 0) return decided(true, cents, 'no critical alerts');
  const unacknowledged = alerts.filter((alert) => alert.acknowledgedAt === undefined);
  if (unacknowledged.length > 0)
    return decided(
      false,
      cents,
      `${plural(unacknowledged.length, 'critical alert')} of ${alerts.length} not acknowledged (first opened ${unacknowledged[0]?.openedAt})`,
    );
  const times = alerts.map((alert) =>
    Math.max(0, instantMs(alert.acknowledgedAt ?? alert.openedAt) - instantMs(alert.openedAt)),
  );
  const slowest = Math.max(...times);
  const late = times.filter((time) => time >= limit).length;
  const earned = late === 0;
  const summary = `${plural(alerts.length, 'critical alert')}, slowest acknowledged in ${formatDuration(slowest)}`;
  return decided(
    earned,
    cents,
    earned
      ? `${summary}, within ${formatDuration(limit)}`
      : `${summary}, not within ${formatDuration(limit)} (${late} late)`,
  );
}
