import { firstNumber, NUMBER_PATTERN, toNumber } from './numbers.js';

const COUNT_BEFORE_CPU = new RegExp(
  String.raw`(${NUMBER_PATTERN})\s*(?:x\s*)?(?:v?cpus?|v?cores?|threads?|processors?)\b`,
  'i',
);
const COUNT_AFTER_CPU = new RegExp(String.raw`\b(?:v?cpus?|v?cores?)\s*[:=]?\s*(${NUMBER_PATTERN})`, 'i');
const BARE_COUNT = new RegExp(String.raw`^\s*(${NUMBER_PATTERN})(?![\d.,]|\s*(?:ghz|mhz|gb|mb|tb|g\b))`, 'i');

/** vCPUs per node: `2`, `2 vCPU`, `4 vCPUs`, `2 cores`, `CPU: 2`, `2x vCPU`. */
export function parseVcpu(text: string): number | undefined {
  const match = COUNT_BEFORE_CPU.exec(text) ?? COUNT_AFTER_CPU.exec(text) ?? BARE_COUNT.exec(text);
  return match?.[1] === undefined ? undefined : toNumber(match[1]);
}

/** A count of nodes: `3`, `3 nodes`, `three`. Not a whole number: undefined. */
export function parseNodeCount(text: string): number | undefined {
  const count = firstNumber(text);
  return count !== undefined && Number.isInteger(count) ? count : undefined;
}

/** Hours a week: `20`, `20h`, `~20 hours/week`, `20-30` (the lower bound). */
export function parseHoursPerWeek(text: string): number | undefined {
  return firstNumber(text.replace(/^\s*[~≈]/, ''));
}
