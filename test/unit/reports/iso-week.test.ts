import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../../src/domain/reports/index.js';
import {
  addIsoWeeks,
  daysOfIsoWeekInMonth,
  isoWeekDays,
  isoWeekEnd,
  isoWeekMonth,
  isoWeekOf,
  isoWeekSchema,
  isoWeekStart,
  isoWeeksOverlappingMonth,
  parseIsoWeek,
  previousIsoWeek,
  weeksInYear,
} from '../../../src/domain/time/iso-week.js';
import { addMonthsTo, daysInMonth, monthSchema, parseMonth } from '../../../src/domain/time/month.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('ISO weeks', () => {
  it.each([
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2026-11-30', '2026-W49'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2008-12-29', '2009-W01'],
    ['2010-01-03', '2009-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(day(date))).toBe(week);
    expect(isoWeekOf(new Date(`${date}T23:59:59.999Z`))).toBe(week);
  });

  it('knows which years have 53 weeks', () => {
    const long = Array.from({ length: 41 }, (_, i) => 2000 + i).filter((year) => weeksInYear(year) === 53);
    expect(long).toEqual([2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });

  it.each([
    ['2026-W47', { year: 2026, week: 47 }],
    ['2026-W53', { year: 2026, week: 53 }],
    ['2026-W01', { year: 2026, week: 1 }],
  ])('parses %s', (text, week) => {
    expect(parseIsoWeek(text)).toEqual(week);
    expect(isoWeekSchema.safeParse(text).success).toBe(true);
  });

  it.each([
    '2026-W00',
    '2026-W54',
    '2025-W53',
    '2027-W53',
    '2026-W4',
    '2026W47',
    '2026-w47',
    ' 2026-W47',
    '26-W47',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoWeek(text)).toBeUndefined();
    expect(isoWeekSchema.safeParse(text).success).toBe(false);
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    expect(isoWeekStart('2026-W47').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(isoWeekStart({ year: 2026, week: 1 }).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(isoWeekStart('2020-W53').toISOString()).toBe('2020-12-28T00:00:00.000Z');
    expect(isoWeekEnd('2026-W53').toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(() => isoWeekStart('2025-W53')).toThrow(RangeError);
  });

  it('steps and lists weeks', () => {
    expect(addIsoWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addIsoWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(previousIsoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2026-W53');
    expect(previousIsoWeek(new Date('2027-01-03T23:59:59Z'))).toBe('2026-W52');
    expect(isoWeekDays('2026-W49')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('splits weeks across months', () => {
    expect(daysOfIsoWeekInMonth('2026-W48', '2026-11')).toBe(7);
    expect(daysOfIsoWeekInMonth('2026-W49', '2026-11')).toBe(1);
    expect(daysOfIsoWeekInMonth('2026-W49', '2026-12')).toBe(6);
    expect(daysOfIsoWeekInMonth('2026-W49', '2027-01')).toBe(0);
    expect(daysOfIsoWeekInMonth('2026-W53', '2026-12')).toBe(4);
    expect(daysOfIsoWeekInMonth('2026-W53', '2027-01')).toBe(3);
    expect(isoWeekMonth('2026-W44')).toBe('2026-10');
    expect(isoWeekMonth('2026-W49')).toBe('2026-12');
    expect(isoWeekMonth('2026-W53')).toBe('2026-12');
    expect(isoWeekMonth('2026-W01')).toBe('2026-01');
    expect(isoWeeksOverlappingMonth('2026-11')).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    expect(isoWeeksOverlappingMonth('2027-02')).toEqual(['2027-W05', '2027-W06', '2027-W07', '2027-W08']);
  });

  it('agrees with itself on any date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        (date) => {
          const week = isoWeekOf(date);
          const start = isoWeekStart(week);
          expect(parseIsoWeek(week)).toBeDefined();
          expect(start.getUTCDay()).toBe(1);
          expect(start.getTime()).toBeLessThanOrEqual(date.getTime());
          expect(isoWeekEnd(week).getTime()).toBeGreaterThan(date.getTime());
          const month = `${date.toISOString().slice(0, 7)}`;
          expect(isoWeeksOverlappingMonth(month)).toContain(week);
          const total = isoWeeksOverlappingMonth(month).reduce(
            (sum, w) => sum + daysOfIsoWeekInMonth(w, month),
            0,
          );
          expect(total).toBe(daysInMonth(month));
        },
      ),
    );
  });
});

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

describe('plainNumber', () => {
  it.each([
    [99.7, '99.7'],
    [100, '100'],
    [0, '0'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('%d → %s', (value, text) => {
    expect(plainNumber(value)).toBe(text);
    expect(Number(plainNumber(value))).toBe(value);
  });

  it('writes any number so that it reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
