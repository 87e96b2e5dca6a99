import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../../src/domain/payments/payment.js';
import { keepPaidLines } from '../../../../src/workflows/payroll/paid-lines.js';
import { metrics, operator, payroll } from '../../domain/payroll/support.js';

const M = '2026-11';
const at = (uptimePercent: number, nodes = 3) =>
  payroll(M, [operator('alice', { nodes }), operator('bob')], {
    metrics: [metrics('alice', M, { uptimePercent })],
  });
const paid = (login: string): Payment => ({
  login,
  month: M,
  cents: 17_000,
  tx: `0x${'01'.repeat(32)}`,
  chain: 'base',
  by: 'maint',
  at: '2026-12-02T10:00:00Z',
  issue: 'fleet/program#1',
});
const totals = (p: ReturnType<typeof at>) => p.lines.map((line) => [line.operator, line.totalCents]);

describe('keepPaidLines: a paid line keeps the amounts it was paid from', () => {
  it.each([
    [
      'nothing paid: the recomputation stands',
      [],
      [
        ['alice', 22_000],
        ['bob', 17_000],
      ],
      39_000,
      0,
    ],
    [
      'alice paid: her line stays, bob’s follows',
      [paid('alice')],
      [
        ['alice', 17_000],
        ['bob', 17_000],
      ],
      34_000,
      1,
    ],
    [
      'bob paid, his line unchanged: no note',
      [paid('bob')],
      [
        ['alice', 22_000],
        ['bob', 17_000],
      ],
      39_000,
      0,
    ],
  ])('%s', (_name, ledger, lines, total, notes) => {
    const kept = keepPaidLines(at(99.4), at(100), ledger);
    expect(totals(kept.payroll)).toEqual(lines);
    expect(kept.payroll.totalCents).toBe(total);
    expect(kept.payroll.payableCents).toBe(total);
    expect(kept.notes).toHaveLength(notes);
  });

  it('a paid line with no earlier snapshot (paid at an exit before the payroll opened) is as computed', () => {
    expect(totals(keepPaidLines(undefined, at(100), [paid('alice')]).payroll)).toEqual([
      ['alice', 22_000],
      ['bob', 17_000],
    ]);
  });
});
