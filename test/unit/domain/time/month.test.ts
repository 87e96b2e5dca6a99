import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfDate, isoDay } from '../../../../src/domain/time/day.js';
import {
  addMonthsTo,
  addMonthsToDay,
  closesQuarter,
  daysInMonth,
  formatMonth,
  monthCalendar,
  monthOf,
  monthSchema,
  monthStart,
  parseMonth,
  previousMonth,
} from '../../../../src/domain/time/month.js';

describe('months', () => {
  it('parses, steps and measures months', () => {
    expect(parseMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(parseMonth('2026-13')).toBeUndefined();
    expect(parseMonth('2026-00')).toBeUndefined();
    expect(monthSchema.safeParse('2026-1').success).toBe(false);
    expect(addMonthsTo('2026-12', 1)).toBe('2027-01');
    expect(addMonthsTo('2027-01', -2)).toBe('2026-11');
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(() => addMonthsTo('2026-13', 1)).toThrow(RangeError);
  });
});

describe('the days of a payroll month (PROGRAM.md: base × active_days / days_in_month, UTC days)', () => {
  it.each([
    ['2026-01', '2026-01-01', '2026-01-31', 31],
    ['2026-02', '2026-02-01', '2026-02-28', 28],
    ['2028-02', '2028-02-01', '2028-02-29', 29],
    ['2100-02', '2100-02-01', '2100-02-28', 28], // a century is not a leap year
    ['2000-02', '2000-02-01', '2000-02-29', 29], // unless it divides by 400
    ['2026-11', '2026-11-01', '2026-11-30', 30],
  ])('%s runs from %s to %s: %i days', (month, first, last, days) => {
    const calendar = monthCalendar(month);
    expect(isoDay(calendar.firstDay)).toBe(first);
    expect(isoDay(calendar.lastDay)).toBe(last);
    expect(calendar.daysInMonth).toBe(days);
    expect(daysInMonth(month)).toBe(days);
  });

  it('refuses what is not a month, naming the form to write', () => {
    expect(() => monthCalendar('2026-1')).toThrow('"2026-1" is not a month; write YYYY-MM');
  });

  it.each([
    ['2026-03', true],
    ['2026-06', true],
    ['2026-09', true],
    ['2026-12', true],
    ['2026-01', false],
    ['2026-11', false],
  ])('%s closes a quarter (retention is paid in March, June, September, December): %s', (month, closes) => {
    expect(closesQuarter(monthCalendar(month))).toBe(closes);
  });
});

describe('the month a run closes (the payroll of the month before, opened on the 1st)', () => {
  it.each([
    ['2026-12-01T06:00:00Z', '2026-11'],
    ['2027-01-01T06:00:00Z', '2026-12'], // across a year end
    ['2026-03-31T23:59:59Z', '2026-02'],
  ])('at %s: %s', (now, month) => {
    expect(previousMonth(new Date(now))).toBe(month);
  });
});

describe('the same day months later (PROGRAM.md: may reapply after 6 months)', () => {
  it.each([
    ['2026-05-21', '2026-11-21'],
    ['2026-08-31', '2027-02-28'], // clamped to the end of a shorter month
    ['2027-08-31', '2028-02-29'],
    ['2026-10-15', '2027-04-15'],
  ])('%s + 6 months is %s', (day, later) => {
    expect(addMonthsToDay(day, 6)).toBe(later);
  });
});

describe('month invariants (property)', () => {
  const months = fc
    .record({ year: fc.integer({ min: 1970, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(formatMonth);
  const days = fc.integer({ min: 0, max: 84_000 }).map((n) => addDays(new Date(0), n));

  it('the month of a day round-trips: the day lies between its month start and the next', () => {
    fc.assert(
      fc.property(days, (date) => {
        const month = monthOf(date);
        expect(formatMonth(parseMonth(month) ?? { year: 0, month: 0 })).toBe(month);
        expect(monthStart(month).getTime()).toBeLessThanOrEqual(date.getTime());
        expect(monthStart(addMonthsTo(month, 1)).getTime()).toBeGreaterThan(date.getTime());
        const calendar = monthCalendar(month);
        expect(dayOfDate(date)).toBeGreaterThanOrEqual(calendar.firstDay);
        expect(dayOfDate(date)).toBeLessThanOrEqual(calendar.lastDay);
      }),
    );
  });

  it('a month starts on the day after the last day of the month before, and steps back', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: -36, max: 36 }), (month, count) => {
        expect(monthSchema.safeParse(month).success).toBe(true);
        expect(monthOf(monthStart(month))).toBe(month);
        expect(monthCalendar(addMonthsTo(month, 1)).firstDay).toBe(monthCalendar(month).lastDay + 1);
        expect(addMonthsTo(addMonthsTo(month, count), -count)).toBe(month);
      }),
    );
  });

  it('a day a few months later never leaves the target month', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 24 }), (date, count) => {
        const day = isoDay(dayOfDate(date));
        const later = addMonthsToDay(day, count);
        expect(later.slice(0, 7)).toBe(addMonthsTo(day.slice(0, 7), count));
        expect(Number(later.slice(8))).toBeLessThanOrEqual(Number(day.slice(8)));
      }),
    );
  });
});
