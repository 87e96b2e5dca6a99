import { isoDate } from './day.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]*([a-z]+)\.?,?[\s\-/.]*(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]*(\d{4})$/;
const NUMERIC_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const NUMERIC_AMBIGUOUS = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

/**
 * A calendar date as `YYYY-MM-DD`: `2026-11-20`, `2026/11/20`, `20 Nov 2026`,
 * `November 20th, 2026`, `Fri, 20 Nov 2026`, `20.11.2026`, `11/20/2026`. A slashed date whose
 * day and month could be swapped (`03/04/2026`) is refused rather than guessed.
 */
export function parseDate(text: string): string | undefined {
  const written = text
    .trim()
    .toLowerCase()
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/, '');
  const yearFirst = YEAR_FIRST.exec(written);
  if (yearFirst) return realDay(yearFirst[1], yearFirst[2], yearFirst[3]);
  const dayMonthName = DAY_MONTH_NAME.exec(written);
  if (dayMonthName) return realDay(dayMonthName[3], monthOfName(dayMonthName[2]), dayMonthName[1]);
  const monthNameDay = MONTH_NAME_DAY.exec(written);
  if (monthNameDay) return realDay(monthNameDay[3], monthOfName(monthNameDay[1]), monthNameDay[2]);
  const dayFirst = NUMERIC_DAY_FIRST.exec(written);
  if (dayFirst) return realDay(dayFirst[3], dayFirst[2], dayFirst[1]);
  const numeric = NUMERIC_AMBIGUOUS.exec(written);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    if (first > 12 && second <= 12) return realDay(numeric[3], numeric[2], numeric[1]);
    if (second > 12 && first <= 12) return realDay(numeric[3], numeric[1], numeric[2]);
    if (first === second) return realDay(numeric[3], numeric[1], numeric[2]);
  }
  return undefined;
}

function monthOfName(name: string | undefined): string | undefined {
  if (name === undefined || name.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => name.startsWith(month));
  const isSpelledOut = index >= 0 && (name.length === 3 || isPrefixOfMonthName(name));
  return isSpelledOut ? String(index + 1) : undefined;
}

function isPrefixOfMonthName(name: string): boolean {
  const fullNames = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  return fullNames.some((full) => full.startsWith(name));
}

/** `YYYY-MM-DD` for a real calendar day, or undefined (no 31 April). */
function realDay(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): string | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return isoDate(date);
}
