import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Access, createOrderedScheduler } from '../../../src/rebuild/scheduler.js';

const RESOURCES = ['a', 'b', 'c', 'd'];
const accessArb: fc.Arbitrary<Access> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Access>({ serial: true }) },
  {
    weight: 6,
    arbitrary: fc.record({
      reads: fc.subarray(RESOURCES),
      writes: fc.subarray(RESOURCES),
    }),
  },
);

/** Whether task `later` must wait for `earlier` (submitted before it): what running in order needs. */
function conflicts(earlier: Access, later: Access): boolean {
  if (earlier.serial || later.serial) return true;
  const touches = (a: Access & { serial?: false }, name: string) =>
    a.reads.includes(name) || a.writes.includes(name);
  return (
    earlier.writes.some((name) => touches(later, name)) || later.writes.some((name) => touches(earlier, name))
  );
}

async function runAll(accesses: readonly Access[], max: number, delays: readonly number[]) {
  const scheduler = createOrderedScheduler(max);
  const spans: { start: number; end: number }[] = [];
  let clock = 0;
  let running = 0;
  let peak = 0;
  for (const [i, access] of accesses.entries()) {
    await scheduler.submit(access, async () => {
      running += 1;
      peak = Math.max(peak, running);
      const start = clock++;
      for (let tick = 0; tick < (delays[i] ?? 0); tick++) await Promise.resolve();
      spans[i] = { start, end: clock++ };
      running -= 1;
    });
  }
  await scheduler.drain();
  return { spans, peak };
}

describe('the ordered scheduler of the concurrent replay', () => {
  it('starts a task only after every earlier task it conflicts with has ended, at most `max` at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(accessArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 30, maxLength: 30 }),
        async (accesses, max, delays) => {
          const { spans, peak } = await runAll(accesses, max, delays);
          expect(spans).toHaveLength(accesses.length);
          expect(peak).toBeLessThanOrEqual(max);
          for (let j = 0; j < accesses.length; j++)
            for (let i = 0; i < j; i++)
              if (conflicts(accesses[i] as Access, accesses[j] as Access))
                expect((spans[j] as { start: number }).start).toBeGreaterThan(
                  (spans[i] as { end: number }).end,
                );
        },
      ),
    );
  });

  it.each([
    [
      'readers of one resource',
      [
        { reads: ['a'], writes: [] },
        { reads: ['a'], writes: [] },
      ],
      2,
    ],
    [
      'writers of different resources',
      [
        { reads: [], writes: ['a'] },
        { reads: [], writes: ['b'] },
      ],
      2,
    ],
    [
      'writers of one resource',
      [
        { reads: [], writes: ['a'] },
        { reads: [], writes: ['a'] },
      ],
      1,
    ],
    [
      'a reader then a writer',
      [
        { reads: ['a'], writes: [] },
        { reads: [], writes: ['a'] },
      ],
      1,
    ],
    [
      'a serial task among others',
      [{ reads: [], writes: ['a'] }, { serial: true }, { reads: [], writes: ['b'] }],
      1,
    ],
  ] as [string, Access[], number][])(
    '%s: as many at once as may run together',
    async (_, accesses, expected) => {
      const { peak } = await runAll(accesses, 8, [3, 3, 3]);
      expect(peak).toBe(expected);
    },
  );

  it('stops at the first failure: later tasks do not run and drain rejects with it', async () => {
    const scheduler = createOrderedScheduler(4);
    const ran: number[] = [];
    await scheduler.submit({ reads: [], writes: ['a'] }, async () => {
      await Promise.resolve();
      throw new Error('boom');
    });
    await scheduler.submit({ reads: [], writes: ['a'] }, async () => {
      ran.push(2);
    });
    await expect(scheduler.drain()).rejects.toThrow('boom');
    expect(ran).toEqual([]);
    await expect(scheduler.submit({ serial: true }, async () => undefined)).rejects.toThrow('boom');
  });

  it('reports a failure only once every task in flight has ended: nothing writes after the caller puts state back', async () => {
    const scheduler = createOrderedScheduler(4);
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ended: string[] = [];
    await scheduler.submit({ reads: [], writes: ['a'] }, async () => {
      await slow;
      ended.push('slow');
    });
    await scheduler.submit({ reads: [], writes: ['b'] }, async () => {
      throw new Error('boom');
    });
    // The failure is known; the next submission must not return before the slow task ended.
    await Promise.resolve();
    const next = scheduler.submit({ reads: [], writes: ['c'] }, async () => {
      ended.push('after');
    });
    const settled = next.then(
      () => 'resolved',
      (error: unknown) => {
        ended.push('rejected');
        return String(error);
      },
    );
    for (let tick = 0; tick < 10; tick++) await Promise.resolve();
    expect(ended).toEqual([]);
    release();
    expect(await settled).toContain('boom');
    expect(ended).toEqual(['slow', 'rejected']);
  });
});
