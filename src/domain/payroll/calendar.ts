import { instantMs } from './instants.js';

const DAY_MS = 86_400_000;

/**
 * A UTC calendar day as a whole number of days since 1970-01-01, so that day arithmetic is
 * integer arithmetic: the last day minus the first day plus one is the number of days, both
 * counted.
 */
export type Day = number;

/** The UTC calendar day an ISO date or instant falls on (`2026-01-15T23:30-05:00` → 16 Jan). */
export function utcDay(iso: string): Day {
  return Math.floor(instantMs(iso) / DAY_MS);
}

/** `YYYY-MM-DD` of a day. */
export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of the month of a day. */
export function dayParts(day: Day): { year: number; month: number; date: number } {
  const at = new Date(day * DAY_MS);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, date: at.getUTCDate() };
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
