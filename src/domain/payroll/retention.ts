import type { ProgramConfig } from '../../config/program.js';
import { isoDay } from '../time/day.js';
import { closesQuarter, type MonthCalendar } from '../time/month.js';
import type { BonusDetail } from './line.js';
import type { ActivePeriod } from './period.js';
import { fullMonths } from './tenure.js';

/**
 * Retention bonus: only in the payroll of a quarter's last month (March, June, September,
 * December), to an operator still active on the quarter's last day with at least
 * `thresholds.retentionMonths` full months (see `fullMonths`) from its activation day to that
 * day. An operator whose last active day is before the quarter's end is not retained.
 */
export function retentionBonus(
  period: ActivePeriod,
  calendar: MonthCalendar,
  config: ProgramConfig,
): BonusDetail {
  const cents = config.payroll.bonuses.retentionCents;
  const required = config.payroll.thresholds.retentionMonths;
  const quarterEnd = isoDay(calendar.lastDay);
  if (!closesQuarter(calendar))
    return { cents: 0, earned: false, metric: 'paid in March, June, September and December only' };
  if (period.lastDay < calendar.lastDay)
    return {
      cents: 0,
      earned: false,
      metric: `not active on ${quarterEnd} (last active day ${isoDay(period.lastDay)})`,
    };
  const months = fullMonths(period.activatedDay, calendar.lastDay);
  const earned = months >= required;
  return {
    cents: earned ? cents : 0,
    earned,
    metric: `${months} full months active at ${quarterEnd} (since ${isoDay(period.activatedDay)}) ${earned ? '≥' : '<'} ${required}`,
  };
}
