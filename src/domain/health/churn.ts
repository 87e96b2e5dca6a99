import { isoDay } from '../time/day.js';
import { addMonthsTo, monthCalendar } from '../time/month.js';
import { activeAfter, byLogin, formatNumber, measure, round } from './common.js';
import type { Dated, HealthTargets, Measure } from './types.js';

/**
 * Churn over the 12 months ending with `month`: operators whose last active day (`endedAt`, status
 * exited or terminated) falls in those 12 months, divided by the average number of active
 * operators, sampled at each of the 12 month ends. Sampling every month end (rather than the
 * window's start, or start and end) keeps a growing program from dividing by zero or by a fleet
 * that no longer exists. No active operator at any month end → `n/a`.
 */
export function churnMeasure(month: string, periods: Dated[], targets: HealthTargets): Measure {
  const firstMonth = addMonthsTo(month, -11);
  const windowStart = monthCalendar(firstMonth).firstDay;
  const windowEnd = monthCalendar(month).lastDay;
  const leavers = periods
    .filter(({ record, period }) => {
      if (record.status !== 'exited' && record.status !== 'terminated') return false;
      return period?.to !== undefined && period.to >= windowStart && period.to <= windowEnd;
    })
    .sort((a, b) => (a.period?.to ?? 0) - (b.period?.to ?? 0) || byLogin(a.record, b.record));
  const monthEnds = Array.from({ length: 12 }, (_, i) => monthCalendar(addMonthsTo(firstMonth, i)).lastDay);
  const average =
    monthEnds
      .map((day) => periods.filter(({ period }) => period && activeAfter(period, day)).length)
      .reduce((sum, count) => sum + count, 0) / monthEnds.length;
  const base = {
    id: 'churn' as const,
    name: `Churn, trailing 12 months (${firstMonth} – ${month})`,
    target: `< ${formatNumber(targets.churnBelowPercent)}%`,
    items: leavers.map(
      ({ record, period }) => `@${record.login} — ${record.status} on ${isoDay(period?.to ?? windowEnd)}`,
    ),
    itemsTitle: 'Operators who left in the last 12 months',
    definition:
      'operators who exited or were terminated (last active day) in the 12 months ÷ the average number of active operators at those 12 month ends.',
  };
  if (average === 0) {
    return measure({
      ...base,
      value: `n/a (no active operators; ${leavers.length} left)`,
      ok: false,
    });
  }
  const percent = round((100 * leavers.length) / average);
  return measure({
    ...base,
    value: `${formatNumber(percent)}% (${leavers.length} left ÷ ${formatNumber(average, 1)} active on average)`,
    amount: percent,
    ok: percent < targets.churnBelowPercent,
  });
}
