import { describe, expect, it } from 'vitest';
import {
  alreadyPaid,
  recordedBy,
  txCandidates,
  txKey,
  txRefusal,
} from '../../../../src/domain/payments/ledger.js';
import type { Payment } from '../../../../src/domain/payments/payment.js';

const TX = `0x${'Ab'.repeat(32)}`;
const paid: Payment = {
  login: 'bob',
  month: '2026-11',
  cents: 25_000,
  tx: TX,
  chain: 'ethereum',
  by: 'maint',
  at: '2026-12-03T10:00:00.000Z',
  issue: 'fleet/program#5',
};

describe('the ledger’s rules', () => {
  it.each([
    [TX, 'ab'.repeat(32)],
    [TX.toLowerCase(), 'ab'.repeat(32)],
    ['AB'.repeat(32), 'ab'.repeat(32)],
    ['5'.repeat(87), '5'.repeat(87)],
  ])('txKey(%s) is %s: hex compares without case or 0x, base58 as written', (tx, key) => {
    expect(txKey(tx)).toBe(key);
  });

  it('finds the words of a comment that may be transactions', () => {
    expect(txCandidates(`/paid all base ${TX}\n/paid @bob nope`)).toEqual([TX]);
  });

  it('refuses a month paid already, citing the payment', () => {
    expect(alreadyPaid([paid], 'BOB', '2026-11')).toBe(
      `@bob is paid already for 2026-11: $250.00 with \`${TX}\` in fleet/program#5, 2026-12-03 10:00 UTC by @maint — a month's pay is recorded once.`,
    );
    expect(alreadyPaid([paid], 'bob', '2026-12')).toBeUndefined();
  });

  it.each([
    ['another issue', 'fleet/program#9', 'ethereum', 'is recorded already, for @bob'],
    ['this issue on another chain', 'fleet/program#5', 'base', 'a transaction is on one chain, not base'],
  ])('refuses a transaction recorded in %s', (_what, issue, chain, refusal) => {
    expect(txRefusal({ [txKey(TX)]: paid }, TX.toLowerCase(), issue, chain)).toContain(refusal);
  });

  it('lets one transaction pay more lines of the same issue on its chain (a Safe airdrop)', () => {
    expect(txRefusal({ [txKey(TX)]: paid }, TX, 'fleet/program#5', 'ethereum')).toBeUndefined();
    expect(txRefusal({}, TX, 'fleet/program#5', 'ethereum')).toBeUndefined();
  });

  const command = { actor: 'maint', at: '2026-12-03T10:00:00.000Z' };
  it.each([
    ['this command, retried', command, 'fleet/program#5', TX, true],
    ['this command, the hash in other case', command, 'fleet/program#5', TX.toLowerCase(), true],
    [
      'a later /paid by the same maintainer',
      { ...command, at: '2026-12-04T10:00:00.000Z' },
      'fleet/program#5',
      TX,
      false,
    ],
    ['another maintainer at the same time', { ...command, actor: 'maint2' }, 'fleet/program#5', TX, false],
    ['the same command time in another issue', command, 'fleet/program#6', TX, false],
    ['another transaction', command, 'fleet/program#5', `0x${'cd'.repeat(32)}`, false],
  ])('recordedBy: %s', (_what, event, issue, tx, own) => {
    expect(recordedBy(paid, event, issue, tx)).toBe(own);
  });
});
