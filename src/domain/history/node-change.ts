import { isoDay, utcDay } from '../payroll/calendar.js';
import { parseInstantMs } from '../payroll/instants.js';
import { earliestEffectiveDay } from './timeline.js';

/** Most nodes a `/nodes` count may name (a typo guard; pay stops at `onboarding.maxNodes`). */
export const MAX_NODE_COUNT = 1000;

/** A node count and the day it takes effect, read from `/nodes` arguments. */
export type NodeChange = { nodes: number; from: string };

/**
 * `N`, `N YYYY-MM-DD` or `N from YYYY-MM-DD` (the day defaults to the day of `at`) → the change,
 * or a sentence naming what is wrong and the fix. The day may not be before
 * `earliestEffectiveDay(at)` (months before the one under review are closed: `/adjust` them).
 */
export function readNodeChange(args: readonly string[], at: string): NodeChange | string {
  const [count, ...rest] = args;
  const day = rest[0]?.toLowerCase() === 'from' ? rest[1] : rest[0];
  const extra = rest.length > (rest[0]?.toLowerCase() === 'from' ? 2 : 1);
  if (!count || !/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > MAX_NODE_COUNT || extra)
    return `the node count must be a whole number from 1 to ${MAX_NODE_COUNT}, then optionally the day it takes effect: \`/nodes @op 7 from 2026-11-15\`.`;
  const from = day ?? isoDay(utcDay(at));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || parseInstantMs(from) === undefined)
    return `"${day}" is not a day; write it as YYYY-MM-DD (e.g. \`from ${isoDay(utcDay(at))}\`).`;
  const earliest = isoDay(earliestEffectiveDay(at));
  if (from < earliest)
    return `a node change can take effect from ${earliest} at the earliest: earlier months are closed (use \`/adjust\` in their payroll).`;
  return { nodes: Number(count), from };
}
