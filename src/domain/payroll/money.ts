/**
 * Money is integer cents; every division here is exact integer arithmetic (BigInt), rounded
 * half-up, so no float ever touches an amount.
 */

/** `a × b / d` rounded half-up, for non-negative integers `a`, `b` and a positive integer `d`. */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  for (const value of [a, b]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not a whole amount`);
  }
  if (!Number.isSafeInteger(d) || d <= 0) throw new RangeError(`${d} is not a positive divisor`);
  return Number(divideHalfUp(BigInt(a) * BigInt(b), BigInt(d)));
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A decimal number as the exact fraction it is written as: 99.5 → 995/10, 20 → 20/1. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export function decimalFraction(value: number): Fraction {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`${value} is not a non-negative decimal number`);
  const [, whole = '', decimals = '', exponent = '0'] = match;
  const shift = Number(exponent) - decimals.length;
  const digits = BigInt(whole + decimals);
  return shift >= 0
    ? { numerator: digits * 10n ** BigInt(shift), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-shift) };
}

/** `percent`% of an amount of cents, rounded half-up to the cent (12.5% of 8228 → 1029). */
export function percentOfCents(cents: number, percent: number): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`${cents} is not a whole amount`);
  const { numerator, denominator } = decimalFraction(percent);
  return Number(divideHalfUp(BigInt(cents) * numerator, denominator * 100n));
}

/** Whether `part / whole` is strictly more than `percent`%, compared exactly (19/20 is not > 95%). */
export function ratioExceedsPercent(part: number, whole: number, percent: number): boolean {
  const { numerator, denominator } = decimalFraction(percent);
  return BigInt(part) * 100n * denominator > numerator * BigInt(whole);
}
