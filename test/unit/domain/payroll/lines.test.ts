import { describe, expect, it } from 'vitest';
import { computePayroll, payrollSchema } from '../../../../src/domain/payroll/index.js';
import { CONFIG, lineOf, metrics, operator, payroll, soloLine } from './support.js';

// A full January 2026 on 1 node with no report and no alert: 15000 base + 2000 response = 17000.

describe('voluntary exit', () => {
  it('is pro-rated to the last active day, with bonuses per the rules (April 2026: 10 of 30 days)', () => {
    const line = soloLine(
      '2026-04',
      operator('eve', { activatedAt: '2025-06-01', status: 'exited', endedAt: '2026-04-10' }),
      { metrics: [metrics('eve', '2026-04', { uptimePercent: 99.9 })] },
    );
    expect(line.status).toBe('exited');
    expect(line.activeDays).toBe(10);
    expect(line.lastActiveDay).toBe('2026-04-10');
    expect(line.baseCents).toBe(5_000); // 15000 × 10/30
    expect(line.bonuses).toEqual({ uptime: 5_000, completion: 0, response: 2_000, retention: 0 });
    expect(line.totalCents).toBe(12_000);
    expect(line.flags).toEqual(['exit']);
  });

  it('counts the UTC day of an end instant: 20 January → 20 of 31 days = 9677.42 → 9677', () => {
    const line = soloLine('2026-01', operator('eve', { status: 'exited', endedAt: '2026-01-20T18:00:00Z' }));
    expect(line.activeDays).toBe(20);
    expect(line.baseCents).toBe(9_677);
  });

  it('activated and left on the same day: one day (15000/31 = 483.87 → 484)', () => {
    const line = soloLine(
      '2026-01',
      operator('eve', { activatedAt: '2026-01-10T15:00:00Z', status: 'exited', endedAt: '2026-01-10' }),
    );
    expect(line.activeDays).toBe(1);
    expect(line.baseCents).toBe(484);
  });

  it('an operator in its notice period is paid as active', () => {
    const line = soloLine('2026-01', operator('eve', { status: 'exiting' }));
    expect(line.status).toBe('exiting');
    expect(line.totalCents).toBe(17_000);
    expect(line.flags).toEqual(['missing-report']);
  });

  it('activated and left in the same month: both days counted (10–19 April = 10 days → 5000)', () => {
    const line = soloLine(
      '2026-04',
      operator('eve', { activatedAt: '2026-04-10', status: 'exited', endedAt: '2026-04-19' }),
    );
    expect(line.activeDays).toBe(10);
    expect(line.baseCents).toBe(5_000);
  });
});

describe('termination for cause', () => {
  const tom = operator('tom', { activatedAt: '2024-01-01', status: 'terminated', endedAt: '2026-01-20' });
  const good = [metrics('tom', '2026-01', { uptimePercent: 99.9, tasksCompleted: 10, tasksDispatched: 10 })];

  it('pays the pro-rated base and no bonus for the final month (20 of 31 days → 9677)', () => {
    const line = soloLine('2026-01', tom, { metrics: good });
    expect(line.status).toBe('terminated');
    expect(line.baseCents).toBe(9_677);
    expect(line.bonuses).toEqual({ uptime: 0, completion: 0, response: 0, retention: 0 });
    expect(line.bonusDetails.uptime).toEqual({
      cents: 0,
      earned: false,
      metric: 'uptime 99.9% > 99.5% (4 weekly reports); no bonuses: terminated for cause',
    });
    expect(line.totalCents).toBe(9_677);
    expect(line.flags).toEqual(['terminated-for-cause']);
  });

  it('withholds the retention bonus of a quarter end too', () => {
    const line = soloLine('2026-06', { ...tom, endedAt: '2026-06-30' });
    expect(line.baseCents).toBe(15_000);
    expect(line.bonusCents).toBe(0);
  });

  it('a month before the termination is an ordinary month', () => {
    const line = soloLine('2025-12', tom, { metrics: [metrics('tom', '2025-12', { uptimePercent: 99.9 })] });
    expect(line.status).toBe('active');
    expect(line.flags).toEqual([]);
    expect(line.bonusCents).toBe(7_000 + 10_000); // uptime, response, retention (December)
  });
});

describe('holds', () => {
  const result = payroll('2026-01', [operator('ann'), operator('hal')], {
    holds: [{ login: 'hal', reason: 'wallet check', by: 'boss' }],
  });

  it('mark the line held: its total still shows, nothing on it is payable', () => {
    const line = lineOf(result, 'hal');
    expect(line.held).toBe(true);
    expect(line.holdReason).toBe('wallet check (by @boss)');
    expect(line.totalCents).toBe(17_000);
    expect(line.payableCents).toBe(0);
    expect(lineOf(result, 'ann').held).toBe(false);
    expect(lineOf(result, 'ann').holdReason).toBeUndefined();
  });

  it('count in totalCents, not in payableCents', () => {
    expect(result.totalCents).toBe(34_000);
    expect(result.payableCents).toBe(17_000);
    expect(result.heldCents).toBe(17_000);
    expect(result.totalsByChain).toEqual({ base: 34_000 });
    expect(result.payableByChain).toEqual({ base: 17_000 });
  });

  it('a registry record exited without an end date is paid to month end, flagged and held', () => {
    const line = soloLine('2026-01', operator('eve', { status: 'exited' }));
    expect(line.baseCents).toBe(15_000);
    expect(line.flags).toContain('missing-end-date');
    expect(line.held).toBe(true);
    expect(line.holdReason).toBe('registry status exited without endedAt');
  });
});

describe('adjustments', () => {
  it('add to the total, each kept with who and why', () => {
    const line = soloLine('2026-01', operator('ann'), {
      adjustments: [
        { login: 'ann', cents: 2_500, reason: 'late report fix', by: 'boss' },
        { login: 'ann', cents: -1_000, reason: 'overpaid', by: 'other' },
      ],
    });
    expect(line.adjustmentCents).toBe(1_500);
    expect(line.totalCents).toBe(18_500);
    expect(line.adjustments).toEqual([
      { cents: 2_500, reason: 'late report fix', by: 'boss' },
      { cents: -1_000, reason: 'overpaid', by: 'other' },
    ]);
  });

  it('never make a total negative: floored at 0 and flagged', () => {
    const clamped = soloLine('2026-01', operator('ann'), {
      adjustments: [{ login: 'ann', cents: -50_000, reason: 'clawback', by: 'boss' }],
    });
    expect(clamped.totalCents).toBe(0);
    expect(clamped.payableCents).toBe(0);
    expect(clamped.adjustmentCents).toBe(-50_000);
    expect(clamped.flags).toContain('negative-clamped');
    const exact = soloLine('2026-01', operator('ann'), {
      adjustments: [{ login: 'ann', cents: -17_000, reason: 'clawback', by: 'boss' }],
    });
    expect(exact.totalCents).toBe(0);
    expect(exact.flags).not.toContain('negative-clamped');
  });

  it('for someone without a line this month are reported, not applied', () => {
    const ghost = { login: 'ghost', cents: 100, reason: 'x', by: 'boss' };
    const hold = { login: 'ghost', reason: 'y', by: 'boss' };
    const result = payroll('2026-01', [operator('ann')], { adjustments: [ghost], holds: [hold] });
    expect(result.unmatched).toEqual({ adjustments: [ghost], holds: [hold] });
    expect(result.totalCents).toBe(17_000);
  });
});

describe('the payroll', () => {
  const result = payroll(
    '2026-01',
    [
      operator('ann'),
      operator('sol', { chain: 'solana', wallet: 'So1ana', nodes: 6 }),
      operator('tia', { chain: 'tron', wallet: 'T'.repeat(34), activatedAt: '2026-01-15' }),
    ],
    { metrics: [metrics('sol', '2026-01', { uptimePercent: 99.8 })] },
  );

  it('totals per chain (17000; 17500 + 7000; 8226 + 2000)', () => {
    expect(result.totalsByChain).toEqual({ base: 17_000, solana: 24_500, tron: 10_226 });
    expect(result.totalCents).toBe(51_726);
    expect(result.payableCents).toBe(51_726);
    expect(result.heldCents).toBe(0);
  });

  it('has the preview JSON fields on every line', () => {
    const line = lineOf(result, 'sol');
    expect(line).toMatchObject({
      operator: 'sol',
      status: 'active',
      nodes: 6,
      activeDays: 31,
      baseCents: 17_500,
      bonuses: { uptime: 5_000, completion: 0, response: 2_000, retention: 0 },
      commissionCents: 0,
      adjustmentCents: 0,
      totalCents: 24_500,
      held: false,
      flags: [],
      wallet: 'So1ana',
      chain: 'solana',
    });
  });

  it('matches its schema', () => {
    expect(() => payrollSchema.parse(result)).not.toThrow();
  });

  it('is empty for a month nobody was active in', () => {
    const empty = payroll('2023-01', [operator('ann')]);
    expect(empty).toMatchObject({ lines: [], totalCents: 0, payableCents: 0, totalsByChain: {} });
  });
});

describe('input checks', () => {
  const base = { month: '2026-01', operators: [operator('ann')], config: CONFIG };

  it.each([
    ['a month that is not YYYY-MM', { ...base, month: '2026-13' }],
    ['an unreadable activation date', { ...base, operators: [operator('ann', { activatedAt: 'soon' })] }],
    ['31 February', { ...base, operators: [operator('ann', { activatedAt: '2026-02-31' })] }],
    [
      'an end before the activation',
      { ...base, operators: [operator('ann', { activatedAt: '2026-01-10', endedAt: '2026-01-09' })] },
    ],
    ['the same operator twice', { ...base, operators: [operator('ann'), operator('ANN')] }],
    [
      'two metrics records for one operator and month',
      { ...base, metrics: [metrics('ann', '2026-01'), metrics('ann', '2026-01')] },
    ],
    [
      'a fractional adjustment',
      { ...base, adjustments: [{ login: 'ann', cents: 1.5, reason: 'x', by: 'y' }] },
    ],
  ])('rejects %s', (_, input) => {
    expect(() => computePayroll(input)).toThrow();
  });
});
