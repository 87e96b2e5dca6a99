import { readEffectiveDay } from './effective-day.js';

/** Most nodes a `/nodes` count may name (a typo guard; pay stops at `onboarding.maxNodes`). */
const MAX_NODE_COUNT = 1000;

/** A node count and the day it takes effect, read from `/nodes` arguments. */
export type NodeChange = { nodes: number; from: string };

/**
 * `N`, `N YYYY-MM-DD` or `N from YYYY-MM-DD` (the day defaults to the day of `at`; see
 * `readEffectiveDay`, which refuses a day in `paidMonths`) → the change, or a sentence naming what is wrong and the fix.
 */
export function readNodeChange(
  args: readonly string[],
  at: string,
  paidMonths: readonly string[] = [],
): NodeChange | string {
  const [count, ...rest] = args;
  if (!count || !/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > MAX_NODE_COUNT)
    return `the node count must be a whole number from 1 to ${MAX_NODE_COUNT}, then optionally the day it takes effect: \`/nodes @op 7 from 2026-11-15\`.`;
  const day = readEffectiveDay(rest, at, '/nodes @op 7 from 2026-11-15', paidMonths);
  return typeof day === 'string' ? day : { nodes: Number(count), from: day.from };
}
