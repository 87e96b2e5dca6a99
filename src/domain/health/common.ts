import type { OperatorRecord } from '../operator-record.js';
import { type Day, dayOf } from '../time/day.js';
import type { Measure, Period } from './types.js';

/** A measure with its status derived from `ok`. */
export function measure(fields: Omit<Measure, 'status'>): Measure {
  return { ...fields, status: fields.ok ? '✅' : '⚠️' };
}

/** The days an operator is on the program; undefined when it never was (or its dates do not parse). */
export function periodOf(record: OperatorRecord): Period | undefined {
  const from = dayOf(record.activatedAt);
  if (from === undefined) return undefined;
  if (record.endedAt !== undefined) {
    const to = dayOf(record.endedAt);
    return to === undefined || to < from ? undefined : { from, to };
  }
  if (record.status === 'active' || record.status === 'exiting') return { from };
  return undefined;
}

/** On the program after `day`: activated by then and not ended on or before it. */
export const activeAfter = (period: Period, day: Day) =>
  period.from <= day && (period.to === undefined || period.to > day);

/** On the program on at least one day of `first`..`last` (both included). */
export const activeOnAnyDay = (period: Period, first: Day, last: Day) =>
  period.from <= last && (period.to === undefined || period.to >= first);

export const byLogin = (a: OperatorRecord, b: OperatorRecord) => a.login.localeCompare(b.login);

/** Rounded to 9 decimals so floating-point noise cannot cross a threshold (as `monthlyMetrics`). */
export const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** At most `digits` decimals, trailing zeros dropped: 9.90099 → `9.9`, 100 → `100`. */
export const formatNumber = (value: number, digits = 2) => String(Number(value.toFixed(digits)));
