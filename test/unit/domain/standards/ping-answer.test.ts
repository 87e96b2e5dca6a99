import { describe, expect, it } from 'vitest';
import type { Ping } from '../../../../src/domain/standards/ping.js';
import { answerOf, missedPingNote } from '../../../../src/domain/standards/ping-answer.js';

const ping: Ping = {
  id: 7,
  issue: 'fleet/program#3',
  login: 'Bob',
  by: 'maint',
  askedAt: '2026-11-20T10:00:00.000Z',
  dueAt: '2026-11-21T10:00:00.000Z',
  missed: false,
};

describe('a ping is answered by any comment of its operator in its issue (Communication Standards)', () => {
  it.each([
    ['bob', '2026-11-20T12:30:00.000Z', { responseMs: 9_000_000, missed: false }],
    ['BOB', '2026-11-21T10:00:00.000Z', { responseMs: 86_400_000, missed: false }],
    ['bob', '2026-11-22T10:00:00.000Z', { responseMs: 172_800_000, missed: true }],
  ])('%s at %s answers it', (login, at, expected) => {
    expect(answerOf(ping, login, at)).toMatchObject({ answeredAt: at, ...expected });
  });

  it.each([
    ['carol', '2026-11-20T12:30:00.000Z'],
    ['bob', '2026-11-20T09:59:59.000Z'],
  ])('%s at %s does not', (login, at) => {
    expect(answerOf(ping, login, at)).toBeUndefined();
  });

  it('a missed ping reminds the operator once, naming who asked and the standard', () => {
    expect(missedPingNote(ping)).toBe(
      '@Bob: @maint asked you a question here on 2026-11-20 10:00 UTC and it is still unanswered after the response standard of 1d (`standards.pingResponse`). Please answer here.',
    );
  });
});
