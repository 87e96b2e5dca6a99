import { z } from 'zod';
import { addDays, DAY_MS, isoDate, isoWeekday, startOfUtcDay, utcMidnight } from './day.js';
import { pad } from './format.js';
import { addMonthsTo, monthOf, monthStart } from './month.js';

/**
 * ISO-8601 weeks (UTC): weeks start on Monday, and week 1 of a year is the week holding its
 * first Thursday, so a week belongs to the year (and, here, the month) of its Thursday.
 */
export type IsoWeek = { year: number; week: number };

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function weeksInYear(year: number): 52 | 53 {
  // 28 December always lies in the last ISO week of its year.
  return isoWeekPartsOf(utcMidnight(year, 11, 28)).week === 53 ? 53 : 52;
}

/** `2026-W47` → `{ year: 2026, week: 47 }`. W00, W54 and W53 of a 52-week year → undefined. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const match = WEEK_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : undefined;
}

/** An existing ISO week written `YYYY-Www`. */
export const isoWeekSchema = z
  .string()
  .refine((text) => parseIsoWeek(text) !== undefined, { message: 'an existing ISO week like 2026-W47' });

/** `{ year: 2026, week: 7 }` → `2026-W07`. */
export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** The ISO week holding `date`, as year and week number. */
export function isoWeekPartsOf(date: Date): IsoWeek {
  const thursday = addDays(startOfUtcDay(date), 3 - isoWeekday(date));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - utcMidnight(year, 0, 1).getTime()) / (7 * DAY_MS));
  return { year, week };
}

/** The ISO week (`YYYY-Www`) holding `date`. */
export function isoWeekOf(date: Date): string {
  return formatIsoWeek(isoWeekPartsOf(date));
}

/** Monday 00:00 UTC of the week. Throws a RangeError on a week that does not exist. */
export function isoWeekStart(week: IsoWeek | string): Date {
  const { year, week: number } = requireIsoWeek(week);
  const fourthOfJanuary = utcMidnight(year, 0, 4);
  const firstMonday = addDays(fourthOfJanuary, -isoWeekday(fourthOfJanuary));
  return addDays(firstMonday, (number - 1) * 7);
}

/** The next Monday 00:00 UTC: the instant the week has ended. */
export function isoWeekEnd(week: IsoWeek | string): Date {
  return addDays(isoWeekStart(week), 7);
}

/** `addIsoWeeks('2026-W53', 1)` → `'2027-W01'`. */
export function addIsoWeeks(week: IsoWeek | string, count: number): string {
  return isoWeekOf(addDays(isoWeekStart(week), count * 7));
}

/** The week before the one holding `now`: the week a report sent at `now` is normally about. */
export function previousIsoWeek(now: Date): string {
  return isoWeekOf(addDays(now, -7));
}

/** The seven days of the week, Monday first, as `YYYY-MM-DD`. */
export function isoWeekDays(week: IsoWeek | string): string[] {
  const monday = isoWeekStart(week);
  return Array.from({ length: 7 }, (_, day) => isoDate(addDays(monday, day)));
}

/** How many of the week's seven days fall in the month (`YYYY-MM`): 0 to 7. */
export function daysOfIsoWeekInMonth(week: IsoWeek | string, month: string): number {
  return isoWeekDays(week).filter((day) => day.startsWith(`${month}-`)).length;
}

/** The month (`YYYY-MM`) holding the week's Thursday, i.e. most of its days. */
export function isoWeekMonth(week: IsoWeek | string): string {
  return monthOf(addDays(isoWeekStart(week), 3));
}

/** The weeks with at least one day in the month, in order. */
export function isoWeeksOverlappingMonth(month: string): string[] {
  const lastDay = addDays(monthStart(addMonthsTo(month, 1)), -1);
  const weeks: string[] = [];
  for (let week = isoWeekOf(monthStart(month)); ; week = addIsoWeeks(week, 1)) {
    weeks.push(week);
    if (week === isoWeekOf(lastDay)) return weeks;
  }
}

function requireIsoWeek(week: IsoWeek | string): IsoWeek {
  const parsed = typeof week === 'string' ? parseIsoWeek(week) : parseIsoWeek(formatIsoWeek(week));
  if (!parsed) throw new RangeError(`not an existing ISO week (YYYY-Www): ${JSON.stringify(week)}`);
  return parsed;
}
