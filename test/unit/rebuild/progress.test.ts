import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../../src/cli/rebuild.js';
import { concurrencyLimit } from '../../../src/rebuild/limit.js';

describe('rebuild progress display', () => {
  it.each([
    ['reading', 250, 250, 0.5, 'reading issues   250 · 500 issues/s'],
    [
      'replaying',
      1_500,
      3_000,
      2,
      'replaying events [###############...............] 1,500/3,000 · 750 events/s',
    ],
    [
      'replaying',
      3_000,
      3_000,
      1,
      'replaying events [##############################] 3,000/3,000 · 3,000 events/s',
    ],
  ] as const)('%s %i of %i in %f s → "%s"', (phase, done, total, seconds, line) => {
    expect(progressLine(phase, done, total, seconds)).toBe(line);
  });

  it('draws on a terminal, in place, and nothing when stderr is a file or a pipe', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) =>
      ({ isTTY, write: (text: string) => written.push(text) }) as unknown as NodeJS.WriteStream;
    expect(progressBar(stream(false))).toBeUndefined();
    const draw = progressBar(stream(true));
    draw?.('reading', 1, 1);
    draw?.('replaying', 2, 2);
    expect(written).toHaveLength(2);
    expect(written.every((text) => text.startsWith('\r\x1b[K'))).toBe(true);
    expect(written[1]).toContain('2/2');
  });
});

describe('concurrencyLimit', () => {
  it('never runs more than its bound at once, and gives every call its own result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(5), { maxLength: 30 }),
        async (max, delays) => {
          const limit = concurrencyLimit(max);
          let running = 0;
          let peak = 0;
          const results = await Promise.all(
            delays.map((delay, i) =>
              limit(async () => {
                running += 1;
                peak = Math.max(peak, running);
                await new Promise((resolve) => setTimeout(resolve, delay));
                running -= 1;
                return i;
              }),
            ),
          );
          expect(results).toEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(max);
          if (delays.length >= max) expect(peak).toBe(max);
        },
      ),
      { numRuns: 40 },
    );
  });
});
