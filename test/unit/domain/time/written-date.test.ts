import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../../src/domain/time/day.js';
import { parseDate } from '../../../../src/domain/time/written-date.js';

describe('parseDate', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-1-5', '2026-01-05'],
    ['2026/11/20', '2026/11/20'.replaceAll('/', '-')],
    ['2026-11-20T09:30:00Z', '2026-11-20'],
    ['20 Nov 2026', '2026-11-20'],
    ['20 November 2026', '2026-11-20'],
    ['20th of November, 2026', '2026-11-20'],
    ['Nov 20, 2026', '2026-11-20'],
    ['November 20th 2026', '2026-11-20'],
    ['Fri, 20 Nov 2026', '2026-11-20'],
    ['20.11.2026', '2026-11-20'],
    ['11/20/2026', '2026-11-20'],
    ['20/11/2026', '2026-11-20'],
    ['29 Feb 2028', '2028-02-29'],
  ])('%j is %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['', 'today', '03/04/2026', '31 April 2026', '29 Feb 2026', '2026-13-01', 'Smarch 3 2026'])(
    '%j is refused',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );
});

describe('parseDate invariants (property)', () => {
  const NAMES = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];

  it('reads every real day back from each way people write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 84_000 }), (day) => {
        const iso = isoDay(day);
        const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
        const name = NAMES[month - 1] ?? '';
        const written = [
          iso,
          `${year}/${month}/${date}`,
          `${date} ${name} ${year}`,
          `${date} ${name.slice(0, 3)} ${year}`,
          `${name} ${date}, ${year}`,
          `${date}.${month}.${year}`,
        ];
        for (const text of written) expect(parseDate(text)).toBe(iso);
      }),
    );
  });

  it('never guesses between day and month: a slashed date reads the same both ways or not at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (first, second) => {
        const read = parseDate(`${first}/${second}/2026`);
        expect(read === undefined).toBe(first !== second);
      }),
    );
  });
});
