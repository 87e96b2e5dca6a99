import { describe, expect, it } from 'vitest';
import { setBy, writtenBefore } from '../../../../src/domain/commands/written-order.js';

const unhold = setBy(
  {},
  'hold:bob',
  { at: '2026-12-02T10:05:00.000Z', actor: 'maint', comment: { id: 20 } },
  '/unhold @bob',
);

describe('a command written before the one that last set its value is not applied', () => {
  it.each([
    ['an older comment', 19, true],
    ['the same comment (its lines act in order)', 20, false],
    ['a later comment', 21, false],
    ['an event without a comment (a timer, an issue change)', undefined, false],
  ])('%s', (_, commentId, refused) => {
    const refusal = writtenBefore(unhold, 'hold:bob', commentId);
    expect(refusal !== undefined).toBe(refused);
    if (refused)
      expect(refusal).toBe(
        "not applied: it was written before @maint's `/unhold @bob` (2026-12-02 10:05:00 UTC), which stands. Write it again in a new comment if it is still meant.",
      );
  });

  it('another value is not held back', () => {
    expect(writtenBefore(unhold, 'hold:alice', 1)).toBeUndefined();
  });

  it('an event without a comment sets nothing', () => {
    expect(
      setBy(unhold, 'hold:bob', { at: '2026-12-03T00:00:00.000Z', actor: 'operator-bot' }, '/unhold @bob'),
    ).toBe(unhold);
  });
});

// Rebuild replays comments in the order written: the later one is not replayed yet when it meets
// a line the live bot refused as older (read back from its signed reply).
describe('a line the live bot answered as written before a later one, replayed by rebuild', () => {
  it('is refused though no later setter is known yet', () => {
    expect(writtenBefore({}, 'hold:bob', 19, true)).toBe(
      'not applied: it was written before a later command, which stands.',
    );
  });

  it('a line it did not refuse so is not refused', () => {
    expect(writtenBefore({}, 'hold:bob', 19, false)).toBeUndefined();
  });
});
