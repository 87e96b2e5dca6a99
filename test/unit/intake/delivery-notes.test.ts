import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryNoteBook,
  type DeliveryNoteEntry,
  mergeDeliveryNotes,
} from '../../../src/intake/delivery-notes.js';
import type { DeliveryNotes } from '../../../src/store/last-deliveries.js';

function book(clock: { t: number }) {
  const writes: DeliveryNoteEntry[][] = [];
  const errors: unknown[] = [];
  const notes = createDeliveryNoteBook({
    watched: new Set(['fleet/program']),
    persist: async (entries) => {
      writes.push(entries);
    },
    minIntervalMs: 1_000,
    onError: (error) => errors.push(error),
    now: () => clock.t,
  });
  return { notes, writes, errors };
}

describe('delivery note book', () => {
  it('keeps notes in memory: nothing is written per delivery, only after a relevant write, at most once a second', async () => {
    const clock = { t: Date.parse('2026-11-30T10:00:00Z') };
    const { notes, writes } = book(clock);
    for (let i = 1; i <= 100; i++)
      notes.note('Fleet/Program', i % 2 ? 'verified' : 'rejected', `d${i}`, 'push');
    expect(writes).toEqual([]);
    expect(notes.snapshot()).toEqual({
      'fleet/program': {
        verified: { deliveryId: 'd99', event: 'push', at: '2026-11-30T10:00:00.000Z' },
        rejected: { deliveryId: 'd100', event: 'push', at: '2026-11-30T10:00:00.000Z' },
      },
    });
    notes.wrote();
    await notes.flush();
    expect(writes.map((w) => w.map((e) => e.note.deliveryId))).toEqual([['d99', 'd100']]);

    notes.note('fleet/program', 'verified', 'd101', 'issue_comment');
    clock.t += 999;
    notes.wrote();
    await Promise.resolve();
    expect(writes).toHaveLength(1);
    clock.t += 1;
    notes.wrote();
    await notes.flush();
    expect(writes.map((w) => w.map((e) => e.note.deliveryId))).toEqual([['d99', 'd100'], ['d101']]);
    // Nothing changed since: neither a relevant write nor the shutdown writes again.
    clock.t += 5_000;
    notes.wrote();
    await notes.flush();
    expect(writes).toHaveLength(2);
  });

  it('ignores repositories the bot does not serve (a refused body can name any)', () => {
    const { notes } = book({ t: 0 });
    notes.note('someone/else', 'rejected', 'x', 'push');
    expect(notes.snapshot()).toEqual({});
  });

  it('reports a failed write and keeps noting', async () => {
    const errors: unknown[] = [];
    const notes = createDeliveryNoteBook({
      watched: new Set(['a/b']),
      persist: async () => {
        throw new Error('Redis away');
      },
      minIntervalMs: 0,
      onError: (error) => errors.push(error),
    });
    notes.note('a/b', 'verified', '1', 'push');
    await notes.flush();
    notes.note('a/b', 'verified', '2', 'push');
    expect(errors).toHaveLength(1);
    expect(notes.snapshot()['a/b']?.verified?.deliveryId).toBe('2');
  });
});

describe('mergeDeliveryNotes (/readyz: this process over the stored notes)', () => {
  const note = (deliveryId: string, at: string) => ({ deliveryId, event: 'push', at });
  it.each<[string, DeliveryNotes, DeliveryNotes, DeliveryNotes]>([
    ['memory only', {}, { 'a/b': { verified: note('m', 't2') } }, { 'a/b': { verified: note('m', 't2') } }],
    ['stored only', { 'a/b': { rejected: note('s', 't1') } }, {}, { 'a/b': { rejected: note('s', 't1') } }],
    [
      'newer in memory wins',
      { 'a/b': { verified: note('s', 't1') } },
      { 'a/b': { verified: note('m', 't2') } },
      { 'a/b': { verified: note('m', 't2') } },
    ],
    [
      'newer stored wins (another process noted later)',
      { 'a/b': { verified: note('s', 't3') } },
      { 'a/b': { verified: note('m', 't2'), rejected: note('r', 't2') } },
      { 'a/b': { verified: note('s', 't3'), rejected: note('r', 't2') } },
    ],
  ])('%s', (_what, stored, fresh, merged) => {
    expect(mergeDeliveryNotes(stored, fresh)).toEqual(merged);
  });

  it('each merged note is the newest of the two', () => {
    const at = fc
      .date({ min: new Date(0), max: new Date(2 ** 42), noInvalidDate: true })
      .map((d) => d.toISOString());
    const notes = fc.dictionary(
      fc.constantFrom('a/b', 'c/d'),
      fc.record(
        { verified: fc.record({ deliveryId: fc.string(), event: fc.constant('push'), at }) },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(notes, notes, (stored, fresh) => {
        const merged = mergeDeliveryNotes(stored, fresh);
        for (const repo of new Set([...Object.keys(stored), ...Object.keys(fresh)])) {
          const times = [stored[repo]?.verified?.at, fresh[repo]?.verified?.at].filter(Boolean) as string[];
          expect(merged[repo]?.verified?.at).toBe(times.sort().at(-1));
        }
      }),
    );
  });
});
