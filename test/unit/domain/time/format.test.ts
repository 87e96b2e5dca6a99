import { describe, expect, it } from 'vitest';
import { formatUtc, formatUtcSeconds, formatWeeklyAt } from '../../../../src/domain/time/format.js';

describe('times as comments show them', () => {
  it.each([
    ['2026-11-20T10:05:00.000Z', '2026-11-20 10:05 UTC', '2026-11-20 10:05:00 UTC'],
    ['2026-11-20T05:43:59.000Z', '2026-11-20 05:43 UTC', '2026-11-20 05:43:59 UTC'],
  ])('%s is %s, or %s for a deadline judged to the second', (iso, minutes, seconds) => {
    expect(formatUtc(iso)).toBe(minutes);
    expect(formatUtcSeconds(iso)).toBe(seconds);
  });

  it.each([
    [{ weekday: 1, hour: 9, minute: 0 }, 'Monday 09:00 UTC'], // PROGRAM.md: reports due Monday 09:00 UTC
    [{ weekday: 0, hour: 23, minute: 5 }, 'Sunday 23:05 UTC'],
    [{ weekday: 6, hour: 0, minute: 30 }, 'Saturday 00:30 UTC'],
  ])('%j is %s', (at, text) => {
    expect(formatWeeklyAt(at)).toBe(text);
  });
});
