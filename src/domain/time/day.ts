import { instantMs, parseInstantMs } from './instant.js';

/** Milliseconds in a UTC day (UTC has no daylight-saving days). */
export const DAY_MS = 86_400_000;

/**
 * A UTC calendar day as a whole number of days since 1970-01-01, so that day arithmetic is
 * integer arithmetic: the last day minus the first day plus one is the number of days, both
 * counted.
 */
export type Day = number;

/**
 * The UTC calendar day an ISO date or instant falls on (`2026-01-15T23:30-05:00` → 16 Jan).
 * Throws on text that is not an ISO date or date-time (see `instantMs`).
 */
export function utcDay(iso: string): Day {
  return Math.floor(instantMs(iso) / DAY_MS);
}

/** The UTC day of an ISO instant; undefined when it does not parse. */
export function dayOf(iso: string): Day | undefined {
  return parseInstantMs(iso) === undefined ? undefined : utcDay(iso);
}

/** The UTC day holding `date`. */
export const dayOfDate = (date: Date): Day => Math.floor(date.getTime() / DAY_MS);

/** `YYYY-MM-DD` of a day. */
export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of the month of a day. */
export function dayParts(day: Day): { year: number; month: number; date: number } {
  const at = new Date(day * DAY_MS);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, date: at.getUTCDate() };
}

/** Midnight UTC of a calendar day; months and days overflow like `Date.UTC`, years 0–99 stay literal. */
export function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Midnight UTC of the day holding `date`. */
export function startOfUtcDay(date: Date): Date {
  return utcMidnight(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** `date` moved by whole days (negative moves back). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of the UTC day holding `date`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6. */
export function isoWeekday(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}
