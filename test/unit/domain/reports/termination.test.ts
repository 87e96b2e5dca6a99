import { describe, expect, it } from 'vitest';
import {
  findLowUptimeStreak,
  lowUptimeStreak,
  type MonthlyUptime,
} from '../../../../src/domain/reports/index.js';

const series = (...entries: [string, number | undefined][]): MonthlyUptime[] =>
  entries.map(([month, uptimePercent]) =>
    uptimePercent === undefined ? { month } : { month, uptimePercent },
  );

describe('lowUptimeStreak: uptime < 97% for 3 consecutive months', () => {
  const cases: [string, MonthlyUptime[], boolean][] = [
    ['96.9 / 96.9 / 96.9', series(['2026-09', 96.9], ['2026-10', 96.9], ['2026-11', 96.9]), true],
    [
      '97.0 in the first month breaks it',
      series(['2026-09', 97.0], ['2026-10', 96.9], ['2026-11', 96.9]),
      false,
    ],
    ['97.0 in the middle breaks it', series(['2026-09', 96.9], ['2026-10', 97.0], ['2026-11', 96.9]), false],
    [
      '97.0 in the last month breaks it',
      series(['2026-09', 96.9], ['2026-10', 96.9], ['2026-11', 97]),
      false,
    ],
    [
      'just below the threshold counts',
      series(['2026-09', 96.999999], ['2026-10', 0], ['2026-11', 50]),
      true,
    ],
    [
      'a month missing from the series breaks it',
      series(['2026-08', 90], ['2026-09', 90], ['2026-11', 90]),
      false,
    ],
    [
      'a month without uptime data breaks it',
      series(['2026-09', 90], ['2026-10', undefined], ['2026-11', 90]),
      false,
    ],
    ['only two months', series(['2026-10', 90], ['2026-11', 90]), false],
    ['no data', [], false],
    ['across the year boundary', series(['2026-12', 96], ['2027-01', 95], ['2027-02', 94]), true],
    ['out of order', series(['2027-02', 94], ['2026-12', 96], ['2027-01', 95]), true],
    [
      'an old streak followed by a good month',
      series(['2026-08', 90], ['2026-09', 90], ['2026-10', 90], ['2026-11', 99.9]),
      false,
    ],
    ['four low months', series(['2026-08', 90], ['2026-09', 90], ['2026-10', 90], ['2026-11', 96.5]), true],
    [
      'a later entry for a month replaces the earlier',
      series(['2026-09', 90], ['2026-10', 99], ['2026-11', 90], ['2026-10', 90]),
      true,
    ],
    [
      'non-consecutive low months around a gap year',
      series(['2025-11', 90], ['2026-10', 90], ['2026-11', 90]),
      false,
    ],
  ];

  it.each(cases)('%s', (_name, monthly, expected) => {
    expect(lowUptimeStreak(monthly)).toBe(expected);
  });

  it('names the months of the streak, oldest first', () => {
    expect(findLowUptimeStreak(series(['2026-12', 96], ['2027-01', 95], ['2027-02', 94]))).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('checks the months ending at the month that just closed', () => {
    const monthly = series(['2026-08', 90], ['2026-09', 90], ['2026-10', 90]);
    expect(lowUptimeStreak(monthly, 97, 3, '2026-10')).toBe(true);
    // November closed with no data: the old streak is not re-proposed.
    expect(lowUptimeStreak(monthly, 97, 3, '2026-11')).toBe(false);
  });

  it('takes the threshold and the number of months from the program config', () => {
    const monthly = series(['2026-09', 98], ['2026-10', 98.5], ['2026-11', 98.9]);
    expect(lowUptimeStreak(monthly)).toBe(false);
    expect(lowUptimeStreak(monthly, 99)).toBe(true);
    expect(lowUptimeStreak(monthly, 99, 4)).toBe(false);
    expect(lowUptimeStreak(monthly, 99, 1)).toBe(true);
    expect(() => lowUptimeStreak(monthly, 97, 0)).toThrow(RangeError);
  });
});
