import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, dayOfDate, dayParts, isoDay, utcDay } from '../../../../src/domain/time/day.js';
import { instantMs, isoInstantSchema, parseInstantMs } from '../../../../src/domain/time/instant.js';

describe('the UTC day of an instant (PROGRAM.md: active days are UTC calendar days)', () => {
  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2026-01-15T00:00:00Z', '2026-01-15'],
    ['2026-01-15T23:59:59.999Z', '2026-01-15'],
    ['2026-01-15T23:30:00-05:00', '2026-01-16'], // 04:30 UTC the next day
    ['2026-01-15T01:00:00+02:00', '2026-01-14'],
    ['2026-01-15T09:30', '2026-01-15'], // no zone: UTC, never the machine's local time
    ['2028-02-29', '2028-02-29'],
  ])('%s falls on %s', (instant, day) => {
    expect(isoDay(utcDay(instant))).toBe(day);
    expect(dayOf(instant)).toBe(utcDay(instant));
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-13-01', '15/01/2026', '2026-01-15T25:00:00Z'])(
    '%j is not an instant',
    (text) => {
      expect(parseInstantMs(text)).toBeUndefined();
      expect(dayOf(text)).toBeUndefined();
      expect(isoInstantSchema.safeParse(text).success).toBe(false);
      expect(() => instantMs(text)).toThrow('is not an ISO date or date-time');
    },
  );

  it('splits a day into year, month and day of the month', () => {
    expect(dayParts(utcDay('2026-12-31'))).toEqual({ year: 2026, month: 12, date: 31 });
    expect(dayParts(0)).toEqual({ year: 1970, month: 1, date: 1 });
  });
});

describe('day invariants (property)', () => {
  const days = fc.integer({ min: 0, max: 84_000 });

  it('a day round-trips through its YYYY-MM-DD text, and days count one by one', () => {
    fc.assert(
      fc.property(days, (day) => {
        expect(utcDay(isoDay(day))).toBe(day);
        expect(isoDay(day + 1) > isoDay(day)).toBe(true);
      }),
    );
  });

  it('every instant of a day, in any zone, falls on the UTC day of its UTC time', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 86_399_999 }), (day, ms) => {
        const at = new Date(day * 86_400_000 + ms);
        expect(utcDay(at.toISOString())).toBe(day);
        expect(dayOfDate(at)).toBe(day);
      }),
    );
  });
});
