import { isoDay, utcDay } from '../payroll/calendar.js';
import { parseInstantMs } from '../payroll/instants.js';
import { earliestEffectiveDay } from './timeline.js';

/**
 * The day a change takes effect, from the arguments after its value: nothing (the day of `at`),
 * `YYYY-MM-DD` or `from YYYY-MM-DD`; or a sentence naming what is wrong and the fix. `example`
 * is the whole command, shown in the answer. The day may not be before
 * `earliestEffectiveDay(at)`: months before the one under review are closed (`/adjust` them).
 */
export function readEffectiveDay(
  rest: readonly string[],
  at: string,
  example: string,
): string | { from: string } {
  const hasFrom = rest[0]?.toLowerCase() === 'from';
  const day = hasFrom ? rest[1] : rest[0];
  if (rest.length > (hasFrom ? 2 : 1)) return `too many arguments; write \`${example}\`.`;
  const from = day ?? isoDay(utcDay(at));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || parseInstantMs(from) === undefined)
    return `"${day}" is not a day; write it as YYYY-MM-DD (e.g. \`from ${isoDay(utcDay(at))}\`).`;
  const earliest = isoDay(earliestEffectiveDay(at));
  if (from < earliest)
    return `a change can take effect from ${earliest} at the earliest: earlier months are closed (use \`/adjust\` in their payroll).`;
  return { from };
}
