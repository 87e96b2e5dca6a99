import { inert } from '../text/inert.js';
import { isoDay, utcDay } from '../time/day.js';
import { parseInstantMs } from '../time/instant.js';
import { monthCalendar } from '../time/month.js';
import type { HistoryEvent } from './events.js';
import { earliestEffectiveDay } from './timeline.js';

/**
 * The day a change takes effect, from the arguments after its value: nothing (the day of `at`),
 * `YYYY-MM-DD` or `from YYYY-MM-DD`; or a sentence naming what is wrong and the fix. `example`
 * is the whole command, shown in the answer. The day may not be before
 * `earliestEffectiveDay(at)`: months before the one under review are closed (`/adjust` them), and
 * so is the month under review once its payroll is paid (`paidMonths`, `YYYY-MM`).
 */
export function readEffectiveDay(
  rest: readonly string[],
  at: string,
  example: string,
  paidMonths: readonly string[] = [],
): string | { from: string } {
  const hasFrom = rest[0]?.toLowerCase() === 'from';
  const day = hasFrom ? rest[1] : rest[0];
  if (rest.length > (hasFrom ? 2 : 1)) return `too many arguments; write \`${example}\`.`;
  const from = day ?? isoDay(utcDay(at));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || parseInstantMs(from) === undefined)
    return `${inert(day ?? '').text} is not a day; write it as YYYY-MM-DD (e.g. \`from ${isoDay(utcDay(at))}\`).`;
  const earliest = isoDay(earliestEffectiveDay(at));
  const review = earliest.slice(0, 7);
  if (paidMonths.includes(review) && from.slice(0, 7) <= review)
    return `${review} is paid and closed, so a change cannot take effect in it: write a day from ${isoDay(monthCalendar(review).lastDay + 1)} on, and correct ${review} with \`/adjust\` in a later payroll.`;
  if (from < earliest)
    return `a change can take effect from ${earliest} at the earliest: earlier months are closed (use \`/adjust\` in their payroll).`;
  return { from };
}

/**
 * The month before the recording month when `event` changes it (a node or wallet change from a
 * day in it, an end whose last day is in it): its payroll, under review, must be recomputed.
 * Undefined when the event only touches the recording month or later.
 */
export function reviewMonthTouched(event: HistoryEvent): string | undefined {
  const earliest = earliestEffectiveDay(event.at);
  const monthStart = monthCalendar(isoDay(utcDay(event.at)).slice(0, 7)).firstDay;
  const day =
    event.type === 'nodes' || event.type === 'wallet'
      ? utcDay(event.from)
      : event.type === 'ended' && event.lastDay !== undefined
        ? utcDay(event.lastDay)
        : undefined;
  if (day === undefined || day >= monthStart) return undefined;
  return isoDay(Math.max(day, earliest)).slice(0, 7);
}
