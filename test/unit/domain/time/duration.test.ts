import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../../../src/config/duration.js';
import { formatDuration, proseDuration } from '../../../../src/domain/time/duration.js';

describe('formatDuration: the one duration format of every comment', () => {
  it.each([
    [1_799_000, '29m 59s'], // one second short of the critical deadline must not read "30m"
    [1_800_000, '30m'],
    [81_000, '1m 21s'],
    [3_723_000, '1h 2m 3s'],
    [4 * 3_600_000, '4h'],
    [72 * 3_600_000, '3d'],
    [93_784_000, '1d 2h 3m 4s'],
    [1_999, '1s'], // whole seconds, rounded down
    [0, '0s'],
    [-5_000, '0s'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('reads back, as a config duration, to the whole seconds it shows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), (ms) => {
        const total = formatDuration(ms)
          .split(' ')
          .reduce((sum, part) => sum + (parseDurationMs(part) ?? Number.NaN), 0);
        expect(total).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });
});

describe('proseDuration: the issue forms’ sentences', () => {
  it.each([
    [30 * 60_000, '30 minutes'],
    [4 * 3_600_000, '4 hours'],
    [86_400_000, '1 day'],
    [7 * 86_400_000, '7 days'],
    [90 * 60_000, '90 minutes'],
    [45_000, '45 seconds'],
  ])('proseDuration(%i) is %s', (ms, text) => {
    expect(proseDuration(ms)).toBe(text);
  });

  it('reads back to the same duration, in the largest unit that divides it (property)', () => {
    const size = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...Object.values(size)),
        (count, unit) => {
          const ms = count * unit;
          const [, number, name, plural] =
            /^(\d+) (day|hour|minute|second)(s?)$/.exec(proseDuration(ms)) ?? [];
          const named = size[name as keyof typeof size];
          expect(Number(number) * named).toBe(ms);
          expect(plural === 's').toBe(Number(number) !== 1);
          for (const larger of Object.values(size).filter((step) => step > named))
            expect(ms % larger).not.toBe(0);
        },
      ),
    );
  });
});
