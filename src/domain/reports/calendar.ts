/** UTC calendar arithmetic shared by the week and month helpers. */

export const DAY_MS = 86_400_000;

/** Midnight UTC of a calendar day; months and days overflow like `Date.UTC`, years 0–99 stay literal. */
export function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Midnight UTC of the day holding `date`. */
export function startOfUtcDay(date: Date): Date {
  return utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

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

export const pad = (value: number, width: number): string => String(value).padStart(width, '0');
