import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../../src/queue/group-commit.js';

describe('groupCommit', () => {
  it('writes what arrives in the same turn of the event loop in one call, and answers each its own result', async () => {
    const calls: number[][] = [];
    const commit = groupCommit(async (items: readonly number[]) => {
      calls.push([...items]);
      return items.map((n) => n * 10);
    });
    const answers = await Promise.all([1, 2, 3].map((n) => commit(n)));
    expect(answers).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('answers nobody before the write is acknowledged, and rejects only the batch that failed', async () => {
    let release: () => void = () => undefined;
    const acknowledged = new Promise<void>((resolve) => {
      release = resolve;
    });
    let call = 0;
    const commit = groupCommit(async (items: readonly string[]) => {
      call += 1;
      if (call === 1) {
        await acknowledged;
        return items.map((s) => s.toUpperCase());
      }
      throw new Error('Redis went away');
    });
    let answered = false;
    const first = commit('a').then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const secondFailed = expect(commit('b')).rejects.toThrow('Redis went away');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    await secondFailed;
    release();
    expect(await first).toBe('A');
  });

  it('gives every caller the result of its own item, whatever the arrival pattern and bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(3), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (gaps, maxBatch, maxInFlight) => {
          let largest = 0;
          const commit = groupCommit(
            async (items: readonly number[]) => {
              largest = Math.max(largest, items.length);
              await new Promise((resolve) => setTimeout(resolve, 1));
              return items.map((n) => -n);
            },
            { maxBatch, maxInFlight },
          );
          const pending: Promise<number>[] = [];
          for (const [i, gap] of gaps.entries()) {
            if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap - 1));
            pending.push(commit(i));
          }
          expect(await Promise.all(pending)).toEqual(gaps.map((_, i) => -i));
          expect(largest).toBeLessThanOrEqual(maxBatch);
        },
      ),
      { numRuns: 30 },
    );
  });
});
