import { monthlyMetrics } from '../reports/index.js';
import type { StoredReport } from '../reports/stored.js';
import { dayOfDate } from '../time/day.js';
import { isoWeekEnd, isoWeekStart } from '../time/iso-week.js';
import { monthCalendar } from '../time/month.js';
import { activeOnAnyDay, byLogin, formatNumber, measure, round } from './common.js';
import type { Dated, HealthTargets, Measure } from './types.js';

/**
 * Fleet uptime: the node-day-weighted mean of the monthly uptime (`monthlyMetrics`) of every
 * operator on the program on at least one day of the month — each operator's uptime weighs its
 * node count × the days of the month its reports cover, so a 10-node operator counts ten times a
 * 1-node one, as the fleet's nodes do. Operators without any report covering the month are left
 * out of the mean and listed, as is every week missing within an operator's active days (weeks
 * that ended by the month's end; the one straddling it is not due when the report runs).
 */
export function fleetUptimeMeasure(
  month: string,
  periods: Dated[],
  reportsOf: (login: string) => readonly StoredReport[],
  targets: HealthTargets,
): Measure {
  const calendar = monthCalendar(month);
  let weighted = 0;
  let weight = 0;
  let counted = 0;
  const missing: string[] = [];
  const inMonth = periods
    .filter(({ period }) => period && activeOnAnyDay(period, calendar.firstDay, calendar.lastDay))
    .sort((a, b) => byLogin(a.record, b.record));
  for (const { record, period } of inMonth) {
    const metrics = monthlyMetrics(
      record.login,
      month,
      reportsOf(record.login).map((stored) => stored.report),
    );
    const from = Math.max(period?.from ?? calendar.firstDay, calendar.firstDay);
    const to = Math.min(period?.to ?? calendar.lastDay, calendar.lastDay);
    // Weeks the operator was active in that had ended by the month's end: the week straddling
    // the end is not due yet when the report runs on the 1st (its report still counts if sent).
    const weeks = metrics.missingWeeks.filter(
      (week) =>
        dayOfDate(isoWeekStart(week)) <= to &&
        dayOfDate(isoWeekEnd(week)) - 1 >= from &&
        dayOfDate(isoWeekEnd(week)) <= calendar.lastDay + 1,
    );
    if (metrics.uptimePercent === undefined) {
      missing.push(
        `@${record.login} — no report for ${month}${weeks.length ? ` (${weeks.join(', ')})` : ''}, left out of the fleet uptime`,
      );
      continue;
    }
    if (weeks.length > 0) missing.push(`@${record.login} — ${weeks.join(', ')}`);
    const w = record.nodes * metrics.reportedDays;
    weighted += metrics.uptimePercent * w;
    weight += w;
    if (w > 0) counted += 1;
  }
  const base = {
    id: 'fleetUptime' as const,
    name: 'Fleet uptime',
    target: `> ${formatNumber(targets.uptimeAbovePercent)}%`,
    items: missing,
    itemsTitle: 'Missing weekly reports',
    definition:
      "mean of each active operator's monthly uptime (day-weighted weekly reports), weighted by nodes × days reported; operators without a report are left out and listed.",
  };
  if (weight === 0) return measure({ ...base, value: 'n/a (no reports for the month)', ok: false });
  const percent = round(weighted / weight);
  return measure({
    ...base,
    value: `${formatNumber(percent, 3)}% (${counted} of ${inMonth.length} operators reported)`,
    amount: percent,
    ok: percent > targets.uptimeAbovePercent,
  });
}
