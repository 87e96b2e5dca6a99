import { z } from 'zod';
import { DAY_MS, type Day, isoDate, utcMidnight } from './day.js';
import { pad } from './format.js';

/** A calendar month, `YYYY-MM`. */
export type CalendarMonth = { year: number; month: number };

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** `2026-11` → `{ year: 2026, month: 11 }`; anything else (month 00 or 13, other shapes) → undefined. */
export function parseMonth(text: string): CalendarMonth | undefined {
  const match = MONTH_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

/** An existing calendar month written `YYYY-MM`. */
export const monthSchema = z
  .string()
  .refine((text) => parseMonth(text) !== undefined, { message: 'a calendar month like 2026-11' });

/** `{ year: 2026, month: 11 }` → `2026-11`. */
export function formatMonth({ year, month }: CalendarMonth): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** The month (`YYYY-MM`, UTC) holding `date`. */
export function monthOf(date: Date): string {
  return formatMonth({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 });
}

/** Months since year 0: consecutive months differ by exactly 1. */
export function monthNumber({ year, month }: CalendarMonth): number {
  return year * 12 + (month - 1);
}

/** The month before the one `now` is in (UTC): the month a run on the 1st closes. */
export function previousMonth(now: Date): string {
  return addMonthsTo(monthOf(now), -1);
}

/** `addMonthsTo('2026-12', 1)` → `'2027-01'`. Throws a RangeError on a malformed month. */
export function addMonthsTo(month: string, count: number): string {
  const number = monthNumber(requireMonth(month)) + count;
  return formatMonth({ year: Math.floor(number / 12), month: (number % 12) + 1 });
}

/** First day of the month, 00:00 UTC. */
export function monthStart(month: string): Date {
  const { year, month: index } = requireMonth(month);
  return utcMidnight(year, index - 1, 1);
}

/** 28 to 31. Throws a RangeError on a malformed month. */
export function daysInMonth(month: string): number {
  const { year, month: index } = requireMonth(month);
  return utcMidnight(year, index, 0).getUTCDate();
}

/** `parseMonth`, throwing a RangeError naming the text when it is not a month. */
export function requireMonth(month: string): CalendarMonth {
  const parsed = parseMonth(month);
  if (!parsed) throw new RangeError(`not a calendar month (YYYY-MM): ${JSON.stringify(month)}`);
  return parsed;
}

/** The payroll month as days: its first and last UTC day and its length. */
export interface MonthCalendar {
  /** `YYYY-MM` */
  month: string;
  year: number;
  /** 1–12 */
  monthNumber: number;
  firstDay: Day;
  lastDay: Day;
  daysInMonth: number;
}

/** The calendar of a `YYYY-MM` month (the string is checked by `monthSchema`). */
export function monthCalendar(month: string): MonthCalendar {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`"${month}" is not a month; write YYYY-MM`);
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  const firstDay = Date.UTC(year, monthNumber - 1, 1) / DAY_MS;
  const lastDay = Date.UTC(year, monthNumber, 1) / DAY_MS - 1;
  return { month, year, monthNumber, firstDay, lastDay, daysInMonth: lastDay - firstDay + 1 };
}

/** March, June, September and December close a calendar quarter. */
export function closesQuarter(calendar: MonthCalendar): boolean {
  return calendar.monthNumber % 3 === 0;
}

/**
 * The same day of the month (`YYYY-MM-DD`) `months` later, clamped to the month's last day
 * (31 August + 6 months → 28 or 29 February).
 */
export function addMonthsToDay(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoDate(target);
}
