import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schedulerSlot } from '../../../src/queue/schedule-slot.js';

const DEC_1 = Date.parse('2026-12-01T06:00:00Z');

describe('the slot of a scheduled job', () => {
  it.each([
    [
      'a job scheduler’s job',
      { id: `repeat:monthClose:${DEC_1}`, repeatJobKey: 'monthClose', opts: {} },
      '2026-12-01T06:00:00.000Z',
    ],
    [
      'its slot kept as prevMillis only',
      { id: 'x', repeatJobKey: 'monthClose', opts: { prevMillis: DEC_1 } },
      '2026-12-01T06:00:00.000Z',
    ],
    ['a job added by hand (payroll open --month)', { id: '42', opts: {} }, undefined],
    [
      'a job id that looks scheduled, with no scheduler',
      { id: `repeat:monthClose:${DEC_1}`, opts: {} },
      undefined,
    ],
  ])('%s', (_, job, slot) => {
    expect(schedulerSlot(job)).toBe(slot);
  });

  it('is the millis in the job id, whatever the job’s creation time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4_102_444_800_000 }),
        fc.string({ minLength: 1 }),
        (millis, key) => {
          expect(schedulerSlot({ id: `repeat:${key}:${millis}`, repeatJobKey: key, opts: {} })).toBe(
            new Date(millis).toISOString(),
          );
        },
      ),
    );
  });
});
