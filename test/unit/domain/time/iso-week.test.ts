import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../../../../src/domain/time/day.js';
import {
  addIsoWeeks,
  daysOfIsoWeekInMonth,
  formatIsoWeek,
  isoWeekDays,
  isoWeekEnd,
  isoWeekMonth,
  isoWeekOf,
  isoWeekPartsOf,
  isoWeekSchema,
  isoWeekStart,
  isoWeeksOverlappingMonth,
  parseIsoWeek,
  previousIsoWeek,
  weeksInYear,
} from '../../../../src/domain/time/iso-week.js';
import { daysInMonth } from '../../../../src/domain/time/month.js';

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

describe('ISO week invariants (property)', () => {
  const days = fc
    .integer({ min: 0, max: 84_000 }) // 1970-01-01 … 2199
    .map((n) => addDays(new Date(0), n));
  const weeks = fc
    .integer({ min: 1970, max: 2199 })
    .chain((year) => fc.integer({ min: 1, max: weeksInYear(year) }).map((week) => ({ year, week })));

  it('every UTC day belongs to exactly one ISO week', () => {
    fc.assert(
      fc.property(days, (date) => {
        const week = isoWeekOf(date);
        const holding = [addIsoWeeks(week, -1), week, addIsoWeeks(week, 1)].filter((w) =>
          isoWeekDays(w).includes(isoDate(date)),
        );
        expect(holding).toEqual([week]);
      }),
    );
  });

  it('an existing week round-trips through its text and its Monday', () => {
    fc.assert(
      fc.property(weeks, (week) => {
        const text = formatIsoWeek(week);
        expect(parseIsoWeek(text)).toEqual(week);
        expect(isoWeekPartsOf(isoWeekStart(text))).toEqual(week);
        expect(isoWeekOf(addDays(isoWeekEnd(text), -1))).toBe(text);
      }),
    );
  });

  it('weeks follow each other without a gap: a week ends when the next starts', () => {
    fc.assert(
      fc.property(weeks, (week) => {
        const text = formatIsoWeek(week);
        expect(isoWeekStart(addIsoWeeks(text, 1)).getTime()).toBe(isoWeekEnd(text).getTime());
        expect(addIsoWeeks(addIsoWeeks(text, 1), -1)).toBe(text);
      }),
    );
  });

  it("a week's month holds most of its days (its Thursday's month)", () => {
    fc.assert(
      fc.property(weeks, (week) => {
        const text = formatIsoWeek(week);
        expect(daysOfIsoWeekInMonth(text, isoWeekMonth(text))).toBeGreaterThanOrEqual(4);
      }),
    );
  });
});

describe('the week a report is about (PROGRAM.md: due Monday 09:00 UTC for the previous ISO week)', () => {
  it.each([
    ['2026-11-23T09:00:00Z', '2026-W47'], // the Monday it is due
    ['2026-11-22T23:59:59Z', '2026-W46'], // the Sunday before: the week is not over yet
    ['2026-11-29T12:00:00Z', '2026-W47'], // late, still the week before
    ['2027-01-04T09:00:00Z', '2026-W53'], // a 53-week year
    ['2026-01-05T09:00:00Z', '2026-W01'], // week 1 began in December
  ])('a report sent at %s is about %s', (now, week) => {
    expect(previousIsoWeek(new Date(now))).toBe(week);
  });
});
