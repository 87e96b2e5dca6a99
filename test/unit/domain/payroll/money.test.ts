import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../../src/domain/payroll/format.js';
import {
  decimalFraction,
  mulDivHalfUp,
  percentOfCents,
  ratioExceedsPercent,
} from '../../../../src/domain/payroll/money.js';
import { fullMonths } from '../../../../src/domain/payroll/tenure.js';
import { utcDay } from '../../../../src/domain/time/day.js';

describe('mulDivHalfUp', () => {
  it.each([
    [15_000, 14, 28, 7_500],
    [15_000, 17, 31, 8_226],
    [15_000, 1, 28, 536],
    [15_000, 1, 31, 484],
    [45, 1, 30, 2], // 1.5
    [45, 29, 30, 44], // 43.5
    [1, 1, 3, 0], // 0.33
    [2, 1, 3, 1], // 0.67
    [0, 5, 7, 0],
    [Number.MAX_SAFE_INTEGER, 3, 3, Number.MAX_SAFE_INTEGER],
  ])('%i × %i / %i → %i', (a, b, d, expected) => {
    expect(mulDivHalfUp(a, b, d)).toBe(expected);
  });

  it.each([
    [-1, 1, 1],
    [1.5, 1, 1],
    [1, 1, 0],
  ])('refuses %d × %d / %d', (a, b, d) => {
    expect(() => mulDivHalfUp(a, b, d)).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it('reads a decimal exactly', () => {
    expect(decimalFraction(99.5)).toEqual({ numerator: 995n, denominator: 10n });
    expect(decimalFraction(20)).toEqual({ numerator: 20n, denominator: 1n });
    expect(decimalFraction(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
  });

  it.each([
    [22_000, 20, 4_400],
    [12_357, 20, 2_471], // 2471.4
    [9_500, 12.5, 1_188], // 1187.5
    [8_226, 12.5, 1_028], // 1028.25
    [0, 20, 0],
  ])('%i cents × %d%% → %i', (cents, percent, expected) => {
    expect(percentOfCents(cents, percent)).toBe(expected);
  });

  it('compares a ratio with a percentage exactly', () => {
    expect(ratioExceedsPercent(19, 20, 95)).toBe(false);
    expect(ratioExceedsPercent(951, 1000, 95)).toBe(true);
    expect(ratioExceedsPercent(995, 1000, 99.5)).toBe(false);
    expect(ratioExceedsPercent(9951, 10000, 99.5)).toBe(true);
  });
});

describe('fullMonths (activation day through the given day, both counted)', () => {
  it.each([
    ['2026-01-01', '2026-06-30', 6],
    ['2026-01-02', '2026-06-30', 5],
    ['2025-12-31', '2026-06-30', 6],
    ['2026-01-01', '2026-06-29', 5],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1], // the anniversary a short month lacks is reached at its end
    ['2025-11-15', '2026-01-31', 2],
    ['2025-11-15', '2026-02-28', 3],
    ['2026-03-01', '2026-03-31', 1],
    ['2026-03-02', '2026-03-31', 0],
    ['2026-03-31', '2026-03-01', 0], // before the activation
  ])('%s → %s: %i', (activated, asOf, months) => {
    expect(fullMonths(utcDay(activated), utcDay(asOf))).toBe(months);
  });
});

describe('metric formatting', () => {
  it('keeps the comparison with the threshold visible', () => {
    expect(formatPercent(99.62, 99.5)).toBe('99.62%');
    expect(formatPercent(99.5, 99.5)).toBe('99.5%');
    expect(formatPercent(99.5001, 99.5)).toBe('99.5001%');
    expect(formatPercent(99.49999, 99.5)).toBe('99.49999%');
    expect(formatPercent(95.454545, 95)).toBe('95.45%');
  });
});
