import { z } from 'zod';
import { pad, utcDay } from './calendar.js';

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

export const monthSchema = z
  .string()
  .refine((text) => parseMonth(text) !== undefined, { message: 'a calendar month like 2026-11' });

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

/** `addMonthsTo('2026-12', 1)` → `'2027-01'`. Throws a RangeError on a malformed month. */
export function addMonthsTo(month: string, count: number): string {
  const number = monthNumber(requireMonth(month)) + count;
  return formatMonth({ year: Math.floor(number / 12), month: (number % 12) + 1 });
}

/** First day of the month, 00:00 UTC. */
export function monthStart(month: string): Date {
  const { year, month: index } = requireMonth(month);
  return utcDay(year, index - 1, 1);
}

export function daysInMonth(month: string): number {
  const { year, month: index } = requireMonth(month);
  return utcDay(year, index, 0).getUTCDate();
}

export function requireMonth(month: string): CalendarMonth {
  const parsed = parseMonth(month);
  if (!parsed) throw new RangeError(`not a calendar month (YYYY-MM): ${JSON.stringify(month)}`);
  return parsed;
}
