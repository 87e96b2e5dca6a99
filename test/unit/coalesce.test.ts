import { describe, expect, it } from 'vitest';
import { coalesceLatest } from '../../src/intake/coalesce.js';

describe('coalesceLatest (delivery notes off the intake road)', () => {
  it('writes the latest value per key once per interval, not once per note', async () => {
    const writes: [string, number][][] = [];
    const notes = coalesceLatest<number>(
      async (entries) => {
        writes.push(entries);
      },
      20,
      () => undefined,
    );
    for (let i = 1; i <= 100; i++) notes.note(i % 2 ? 'repo|verified' : 'repo|rejected', i);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(writes).toEqual([
      [
        ['repo|verified', 99],
        ['repo|rejected', 100],
      ],
    ]);
    notes.note('repo|verified', 101);
    await notes.flush();
    expect(writes.at(-1)).toEqual([['repo|verified', 101]]);
  });

  it('reports a failed write and keeps noting', async () => {
    const errors: unknown[] = [];
    const notes = coalesceLatest<number>(
      async () => {
        throw new Error('Redis away');
      },
      5,
      (error) => errors.push(error),
    );
    notes.note('a', 1);
    await notes.flush();
    expect(errors).toHaveLength(1);
  });
});
