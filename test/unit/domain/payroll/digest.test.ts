import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programConfigSchema } from '../../../../src/config/program.js';
import { payrollDigest } from '../../../../src/domain/payroll/digest.js';
import type { PayrollInput } from '../../../../src/domain/payroll/index.js';
import { CONFIG, metrics, operator } from './support.js';

const base = (): PayrollInput => ({
  month: '2026-11',
  operators: [operator('alice'), operator('bob', { chain: 'ethereum' })],
  metrics: [metrics('alice', '2026-11', { uptimePercent: 99.8 }), metrics('bob', '2026-11')],
  alerts: [{ login: 'bob', openedAt: '2026-11-12T03:00:00.000Z' }],
  adjustments: [],
  holds: [],
  partnerReports: ['carol', 'alice'],
  config: CONFIG,
});

describe('payrollDigest: what an approval is of', () => {
  it.each<[string, (input: PayrollInput) => PayrollInput | [PayrollInput, unknown]]>([
    [
      'a late or edited report (metrics)',
      (i) => ({ ...i, metrics: [metrics('alice', '2026-11', { uptimePercent: 100 })] }),
    ],
    ['an adjustment', (i) => ({ ...i, adjustments: [{ login: 'bob', cents: 1, reason: 'x', by: 'maint' }] })],
    ['a hold', (i) => ({ ...i, holds: [{ login: 'bob', reason: 'x', by: 'maint' }] })],
    [
      'a node change',
      (i) => ({ ...i, operators: [operator('alice', { nodes: 6 }), operator('bob', { chain: 'ethereum' })] }),
    ],
    [
      'a wallet change',
      (i) => ({
        ...i,
        operators: [
          operator('alice', { wallet: `0x${'cd'.repeat(20)}` }),
          operator('bob', { chain: 'ethereum' }),
        ],
      }),
    ],
    [
      'a new alert',
      (i) => ({
        ...i,
        alerts: [...(i.alerts ?? []), { login: 'alice', openedAt: '2026-11-13T00:00:00.000Z' }],
      }),
    ],
    ['a partner report', (i) => ({ ...i, partnerReports: ['alice'] })],
    [
      'a pay rule of the config',
      (i) => ({ ...i, config: programConfigSchema.parse({ payroll: { baseCents: 15_001 } }) }),
    ],
    ['the standards flags', (i) => [i, { credentialsOverdue: ['bob'] }]],
  ])('changes with %s', (_what, change) => {
    const changed = change(base());
    const [input, extra] = Array.isArray(changed) ? changed : [changed, null];
    expect(payrollDigest(input, extra)).not.toBe(payrollDigest(base()));
  });

  it('does not depend on the order of operators, alerts, metrics and partner reports (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (a, b, c) => {
        const input = base();
        const shuffled: PayrollInput = {
          ...input,
          operators: a ? [...input.operators].reverse() : input.operators,
          metrics: b ? [...(input.metrics ?? [])].reverse() : (input.metrics ?? []),
          partnerReports: c ? [...(input.partnerReports ?? [])].reverse() : (input.partnerReports ?? []),
        };
        expect(payrollDigest(shuffled)).toBe(payrollDigest(input));
      }),
    );
  });
});
