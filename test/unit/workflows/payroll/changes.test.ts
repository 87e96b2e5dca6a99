import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../../src/workflows/payroll/changes.js';
import { metrics, operator, payroll } from '../../domain/payroll/support.js';

const M = '2026-11';
const before = payroll(M, [operator('alice', { nodes: 3 }), operator('bob')], {
  metrics: [metrics('alice', M, { uptimePercent: 99.4 })],
});

describe('describeChanges: what the void comment says', () => {
  it.each([
    [
      'nothing',
      payroll(M, [operator('alice', { nodes: 3 }), operator('bob')], {
        metrics: [metrics('alice', M, { uptimePercent: 99.4 })],
      }),
      [],
    ],
    [
      'a better uptime',
      payroll(M, [operator('alice', { nodes: 3 }), operator('bob')], {
        metrics: [metrics('alice', M, { uptimePercent: 100 })],
      }),
      ['@alice: $170.00 → $220.00; uptime 100% > 99.5% (4 weekly reports)'],
    ],
    [
      'a hold and a new operator',
      payroll(M, [operator('alice', { nodes: 3 }), operator('bob'), operator('carol')], {
        metrics: [metrics('alice', M, { uptimePercent: 99.4 })],
        holds: [{ login: 'bob', reason: 'x', by: 'maint' }],
      }),
      ['@bob: held', '@carol: new line $170.00'],
    ],
    [
      'an operator gone and more nodes',
      payroll(M, [operator('alice', { nodes: 7 })], {
        metrics: [metrics('alice', M, { uptimePercent: 99.4 })],
      }),
      ['@alice: $170.00 → $220.00; nodes 3 → 7', '@bob: no line any more (was $170.00)'],
    ],
  ])('%s', (_what, after, said) => {
    expect(describeChanges(before, after)).toEqual(said);
  });
});
