import { type Day, dayParts } from '../time/day.js';

/**
 * Full months of tenure from the activation day through `asOf`, both days counted: n full
 * months are complete when the n-th monthly anniversary of the activation day is on or before
 * the day after `asOf`. Activated 2026-01-01, at 2026-06-30 that is 6 (1 July is the 6th
 * anniversary); activated 2026-01-02, 5 (2 July is not reached); activated 2025-12-31, 6.
 * An anniversary on a day the month lacks falls on the next month's 1st (31 January through
 * 28 February is 1 full month). Payroll always asks at a month's last day, where this is the
 * number of whole calendar months from the activation day to that day.
 */
export function fullMonths(activatedDay: Day, asOf: Day): number {
  if (asOf < activatedDay) return 0;
  const start = dayParts(activatedDay);
  const end = dayParts(asOf + 1);
  const months = (end.year - start.year) * 12 + (end.month - start.month) - (end.date < start.date ? 1 : 0);
  return Math.max(0, months);
}
