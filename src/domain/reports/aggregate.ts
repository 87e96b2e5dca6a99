import { z } from 'zod';
import { isoWeekDays, isoWeekMonth, isoWeeksOverlappingMonth, parseIsoWeek } from '../time/iso-week.js';
import { monthSchema, requireMonth } from '../time/month.js';
import { MAX_WEEKLY_TASKS, percentSchema, type WeeklyReport } from './schema.js';

/** One operator's metrics for one calendar month, built from the weekly reports. */
export const monthlyMetricsSchema = z.object({
  login: z.string(),
  month: monthSchema,
  /** Day-weighted mean of the reports overlapping the month; undefined when none does. */
  uptimePercent: percentSchema.optional(),
  /** Summed over the weeks whose Thursday is in the month. */
  tasksCompleted: z.number().int().min(0),
  tasksDispatched: z.number().int().min(0),
  /** 100 × Σcompleted / Σdispatched; undefined when no task was dispatched. */
  completionPercent: percentSchema.optional(),
  /** Weeks overlapping the month that have a report, in order. */
  reportedWeeks: z.array(z.string()),
  /** Weeks overlapping the month without a report, in order. */
  missingWeeks: z.array(z.string()),
  /** Days of the month covered by a report: the weight behind `uptimePercent`. */
  reportedDays: z.number().int().min(0),
});

export type MonthlyMetrics = z.infer<typeof monthlyMetricsSchema>;

/**
 * The month's metrics as PROGRAM.md defines them.
 *
 * - Uptime: the mean of the weekly reports overlapping the month, each weighted by how many of
 *   its days lie inside the month (2026-W49, Mon 30 Nov – Sun 6 Dec, weighs 1 in November and 6
 *   in December). A week without a report is left out, not counted as 0; no overlapping report
 *   → undefined. Rounded to 9 decimals so floating-point noise cannot cross a threshold
 *   (7 days of 99.5 average to exactly 99.5, not 99.50000000000001).
 * - Tasks: a report's counts say nothing about which day a task ran, so a straddling week is not
 *   split by days; all its tasks count in the month holding its Thursday (the ISO rule that puts
 *   a week in a year). Each week counts in exactly one month: none counted twice or lost.
 *
 * - Active days (`active`, the operator's active days as `YYYY-MM-DD` ranges, both ends
 *   counted): when given, a report counts only for the days of its week the operator was active
 *   — its uptime weighs only those days, and its tasks count only when it has one. A report for
 *   a week that ended before the activation counts for nothing. Omitted: every day counts.
 *
 * When `reports` holds two reports for one week, the later one counts (a re-sent report
 * replaces the first). Reports of other operators must not be passed in.
 * Throws a RangeError on a malformed month.
 */
export function monthlyMetrics(
  login: string,
  month: string,
  reports: readonly WeeklyReport[],
  active?: readonly ActiveRange[],
): MonthlyMetrics {
  requireMonth(month);
  const byWeek = new Map<string, WeeklyReport>();
  for (const report of reports) if (parseIsoWeek(report.week)) byWeek.set(report.week, report);

  let weightedUptime = 0;
  let reportedDays = 0;
  let tasksCompleted = 0;
  let tasksDispatched = 0;
  const reportedWeeks: string[] = [];
  for (const week of [...byWeek.keys()].sort()) {
    const report = byWeek.get(week) as WeeklyReport;
    const counted = isoWeekDays(week).filter((day) => isActive(day, active));
    const days = counted.filter((day) => day.startsWith(`${month}-`)).length;
    if (days > 0) {
      weightedUptime += report.uptimePercent * days;
      reportedDays += days;
      reportedWeeks.push(week);
    }
    if (isoWeekMonth(week) === month && counted.length > 0) {
      const tasks = withinBound(report);
      tasksCompleted += tasks.completed;
      tasksDispatched += tasks.dispatched;
    }
  }

  const metrics: MonthlyMetrics = {
    login,
    month,
    tasksCompleted,
    tasksDispatched,
    reportedWeeks,
    missingWeeks: isoWeeksOverlappingMonth(month).filter((week) => !byWeek.has(week)),
    reportedDays,
  };
  if (reportedDays > 0) metrics.uptimePercent = roundNoise(weightedUptime / reportedDays);
  if (tasksDispatched > 0) metrics.completionPercent = roundNoise((100 * tasksCompleted) / tasksDispatched);
  return metrics;
}

/** Days an operator was active, `YYYY-MM-DD`, both ends counted. */
export type ActiveRange = { first: string; last: string };

const isActive = (day: string, active: readonly ActiveRange[] | undefined) =>
  active === undefined || active.some((range) => range.first <= day && day <= range.last);

const roundNoise = (value: number): number => Math.round(value * 1e9) / 1e9;

/**
 * A week's task counts as the payroll sums them: a report stored before `/report` was bounded
 * (MAX_WEEKLY_TASKS) is scaled down to the bound, its completed share kept (rounded down), so
 * that no month's sum passes a safe integer and stops its payroll from opening.
 */
function withinBound(report: WeeklyReport): { completed: number; dispatched: number } {
  const { tasksCompleted: completed, tasksDispatched: dispatched } = report;
  if (dispatched <= MAX_WEEKLY_TASKS) return { completed, dispatched };
  return { completed: Math.floor((completed / dispatched) * MAX_WEEKLY_TASKS), dispatched: MAX_WEEKLY_TASKS };
}
