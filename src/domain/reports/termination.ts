import { z } from 'zod';
import { addMonthsTo, monthNumber, monthSchema, parseMonth } from '../time/month.js';

const monthlyUptimeSchema = z.object({ month: monthSchema, uptimePercent: z.number().optional() });
export type MonthlyUptime = z.infer<typeof monthlyUptimeSchema>;

/**
 * The `months` consecutive calendar months ending at `endingAt` (default: the latest month in
 * the series), oldest first, when every one of them has uptime below `threshold`; otherwise
 * undefined. A month missing from the series, or without uptime data, breaks the streak; so does
 * a month at or above the threshold (97.0 is not below 97). When the series names a month
 * twice, the later entry counts. Malformed months are ignored.
 */
export function findLowUptimeStreak(
  monthly: readonly { month: string; uptimePercent?: number | undefined }[],
  threshold = 97,
  months = 3,
  endingAt?: string,
): string[] | undefined {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`months must be a whole number ≥ 1: ${months}`);
  const uptimeByMonth = new Map<string, number | undefined>();
  for (const entry of monthly)
    if (parseMonth(entry.month)) uptimeByMonth.set(entry.month, entry.uptimePercent);
  const last = endingAt ?? latestMonth([...uptimeByMonth.keys()]);
  if (last === undefined || !parseMonth(last)) return undefined;

  const streak = Array.from({ length: months }, (_, index) => addMonthsTo(last, index - months + 1));
  const allLow = streak.every((month) => {
    const uptime = uptimeByMonth.get(month);
    return uptime !== undefined && uptime < threshold;
  });
  return allLow ? streak : undefined;
}

/**
 * Whether the last `months` consecutive calendar months all have uptime below `threshold`: the
 * involuntary-exit trigger "uptime < 97% for 3 consecutive months". See `findLowUptimeStreak`.
 */
export function lowUptimeStreak(
  monthly: readonly { month: string; uptimePercent?: number | undefined }[],
  threshold = 97,
  months = 3,
  endingAt?: string,
): boolean {
  return findLowUptimeStreak(monthly, threshold, months, endingAt) !== undefined;
}

function latestMonth(months: readonly string[]): string | undefined {
  let latest: string | undefined;
  for (const month of months) {
    const parsed = parseMonth(month);
    const current = latest === undefined ? undefined : parseMonth(latest);
    if (parsed && (!current || monthNumber(parsed) > monthNumber(current))) latest = month;
  }
  return latest;
}
