import { describe, expect, it } from 'vitest';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import { type Inputs, lineOf, metrics, operator, payroll, withConfig } from './support.js';

// By hand, from PROGRAM.md "Partner program" (20%, first 12 months, ≥ 2 referrals that reached
// active, certified 3+ full months, own uptime > 99%):
//   pat (partner) activated 2025-11-15: 2 full months at 31 Jan 2026, 3 at 28 Feb 2026.
//   rio, referred by pat, activated 2026-01-10; rae, referred by pat, activated 2026-02-15.
const pat = operator('pat', { activatedAt: '2025-11-15' });
const rio = operator('rio', { activatedAt: '2026-01-10', referrer: 'pat' });
const rae = operator('rae', { activatedAt: '2026-02-15', referrer: 'pat' });
const team = [pat, rio, rae];

/** February 2026 with pat's uptime 99.2 (> 99, no uptime bonus), rio's 99.9, rae no report, pat's report filed. */
function february(overrides: Partial<Inputs> = {}, operators: OperatorRecord[] = team) {
  return payroll('2026-02', operators, {
    metrics: [
      metrics('pat', '2026-02', { uptimePercent: 99.2 }),
      metrics('rio', '2026-02', { uptimePercent: 99.9 }),
    ],
    partnerReports: ['pat'],
    ...overrides,
  });
}

describe('before the partner qualifies (January 2026)', () => {
  const result = payroll('2026-01', team, {
    metrics: [metrics('pat', '2026-01', { uptimePercent: 99.9 })],
    partnerReports: ['pat'],
  });
  const line = lineOf(result, 'pat');

  it('earns no commission, and shows why', () => {
    expect(line.commissionCents).toBe(0);
    expect(line.partner).toEqual({
      qualified: false,
      referrals: 1,
      tenureMonths: 2,
      uptimePercent: 99.9,
      rules: [
        '1 referral active by 2026-01-31 < 2',
        'certified 2 full months at 2026-01-31 < 3',
        'own uptime 99.9% > 99%',
      ],
    });
  });

  it('still lists the referred operator, at 0 (22 days: 15000 × 22/31 = 10645.16 → 10645)', () => {
    expect(line.commissionDetails).toEqual([
      { referred: 'rio', baseCents: 10_645, bonusCents: 2_000, commissionCents: 0, monthIndex: 1 },
    ]);
    expect(result.commissionsByPartner).toEqual({});
    expect(line.flags).not.toContain('partner-report-missing');
  });
});

describe('the month partner status is earned (February 2026)', () => {
  const result = february();
  const line = lineOf(result, 'pat');

  it('earns 20% of each referred operator’s base and bonuses', () => {
    expect(line.partner?.qualified).toBe(true);
    // sorted by login
    expect(line.commissionDetails).toEqual([
      // rae: 14 days, 15000 × 14/28 = 7500 + 2000 response = 9500 → 1900
      { referred: 'rae', baseCents: 7_500, bonusCents: 2_000, commissionCents: 1_900, monthIndex: 1 },
      // rio: 15000 + 5000 uptime + 2000 response = 22000 → 4400
      { referred: 'rio', baseCents: 15_000, bonusCents: 7_000, commissionCents: 4_400, monthIndex: 2 },
    ]);
    expect(line.commissionCents).toBe(6_300);
  });

  it('adds it to the partner’s own line: 15000 + 2000 response + 6300', () => {
    expect(line.bonuses).toEqual({ uptime: 0, completion: 0, response: 2_000, retention: 0 });
    expect(line.totalCents).toBe(23_300);
    expect(line.payableCents).toBe(23_300);
    expect(result.totalCents).toBe(23_300 + 22_000 + 9_500);
    expect(result.commissionsByPartner).toEqual({ pat: 6_300 });
  });

  it('does not pay commission on the referred operator’s adjustments', () => {
    const adjusted = february({
      adjustments: [{ login: 'rio', cents: 10_000, reason: 'bonus', by: 'boss' }],
    });
    expect(lineOf(adjusted, 'pat').commissionCents).toBe(6_300);
  });

  it('matches the referrer case-insensitively, written as a mention too', () => {
    const mention = february({}, [pat, { ...rio, referrer: '@PAT' }, rae]);
    expect(lineOf(mention, 'pat').commissionCents).toBe(6_300);
  });

  it('rounds half-up per referred operator', () => {
    const config = withConfig((c) => {
      c.partners.commissionPercent = 12.5;
    });
    // rio on 6 nodes: 17500 + 7000 = 24500 × 12.5% = 3062.5 → 3063; rae: 9500 × 12.5% = 1187.5 → 1188
    const result = february({ config }, [pat, { ...rio, nodes: 6 }, rae]);
    expect(lineOf(result, 'pat').commissionDetails.map((detail) => detail.commissionCents)).toEqual([
      1_188, 3_063,
    ]);
    expect(lineOf(result, 'pat').commissionCents).toBe(4_251);
  });
});

describe('a month the partner does not qualify in', () => {
  it('own uptime 99% (not > 99%) earns none', () => {
    const line = lineOf(february({ metrics: [metrics('pat', '2026-02', { uptimePercent: 99 })] }), 'pat');
    expect(line.partner?.qualified).toBe(false);
    expect(line.partner?.rules).toContain('own uptime 99% ≤ 99%');
    expect(line.commissionCents).toBe(0);
    expect(line.commissionDetails.map((detail) => detail.commissionCents)).toEqual([0, 0]);
  });

  it('own uptime 99.01% earns it', () => {
    const line = lineOf(february({ metrics: [metrics('pat', '2026-02', { uptimePercent: 99.01 })] }), 'pat');
    expect(line.commissionCents).toBe(1_900 + 3_400); // rio has no report now: (15000 + 2000) × 20%
  });

  it('no uptime report from the partner earns none', () => {
    const line = lineOf(february({ metrics: [] }), 'pat');
    expect(line.partner?.qualified).toBe(false);
    expect(line.commissionCents).toBe(0);
  });

  it('a partner not active in the month earns none (and has no line)', () => {
    const result = february({}, [{ ...pat, status: 'exited', endedAt: '2026-01-31' }, rio, rae]);
    expect(result.lines.map((line) => line.operator)).toEqual(['rae', 'rio']);
    expect(result.commissionsByPartner).toEqual({});
  });

  it('a self-referral does not count', () => {
    const result = february({}, [{ ...pat, referrer: 'pat' }, rio]);
    expect(lineOf(result, 'pat').partner?.referrals).toBe(1);
  });
});

describe('a referral who left still reached active', () => {
  it('left on 10 February: counted, and commissioned on its pro-rated base', () => {
    const result = february({}, [pat, { ...rio, status: 'exited', endedAt: '2026-02-10' }, rae]);
    const line = lineOf(result, 'pat');
    expect(line.partner?.referrals).toBe(2);
    // rio: 15000 × 10/28 = 5357.14 → 5357, + 7000 bonuses = 12357 × 20% = 2471.4 → 2471; rae 1900
    expect(line.commissionDetails[1]).toEqual({
      referred: 'rio',
      baseCents: 5_357,
      bonusCents: 7_000,
      commissionCents: 2_471,
      monthIndex: 2,
    });
    expect(line.commissionCents).toBe(4_371);
  });

  it('left in January: counted for qualifying, but nothing to commission', () => {
    const result = february({}, [pat, { ...rio, status: 'exited', endedAt: '2026-01-31' }, rae]);
    const line = lineOf(result, 'pat');
    expect(line.partner?.qualified).toBe(true);
    expect(line.commissionCents).toBe(1_900);
  });
});

describe('the first 12 months of the referred operator', () => {
  const withUptime = (month: string) => ({
    metrics: [metrics('pat', month, { uptimePercent: 99.9 })],
    partnerReports: ['pat'],
  });

  it('December 2026 is rio’s month 12 and rae’s month 11', () => {
    const line = lineOf(payroll('2026-12', team, withUptime('2026-12')), 'pat');
    // each: 15000 + 2000 response + 10000 retention (11 and 10 full months ≥ 6) = 27000 × 20% = 5400
    expect(line.commissionDetails).toEqual([
      { referred: 'rae', baseCents: 15_000, bonusCents: 12_000, commissionCents: 5_400, monthIndex: 11 },
      { referred: 'rio', baseCents: 15_000, bonusCents: 12_000, commissionCents: 5_400, monthIndex: 12 },
    ]);
    expect(line.commissionCents).toBe(10_800);
  });

  it('January 2027 is rio’s month 13 (none) and rae’s month 12', () => {
    const line = lineOf(payroll('2027-01', team, withUptime('2027-01')), 'pat');
    expect(line.commissionDetails).toEqual([
      { referred: 'rae', baseCents: 15_000, bonusCents: 2_000, commissionCents: 3_400, monthIndex: 12 },
    ]);
    expect(line.commissionCents).toBe(3_400);
    expect(line.partner?.referrals).toBe(2);
  });

  it('February 2027 is past both', () => {
    const line = lineOf(payroll('2027-02', team, withUptime('2027-02')), 'pat');
    expect(line.commissionDetails).toEqual([]);
    expect(line.commissionCents).toBe(0);
  });
});

describe('missing partner report', () => {
  const result = february({ partnerReports: [] });
  const line = lineOf(result, 'pat');

  it('computes the commission, flags the line and holds only the commission', () => {
    expect(line.commissionCents).toBe(6_300);
    expect(line.flags).toContain('partner-report-missing');
    expect(line.commissionHeldCents).toBe(6_300);
    expect(line.held).toBe(false);
    expect(line.totalCents).toBe(23_300);
    expect(line.payableCents).toBe(17_000);
  });

  it('counts the held commission in totalCents, not in payableCents', () => {
    expect(result.totalCents).toBe(54_800);
    expect(result.payableCents).toBe(48_500);
    expect(result.heldCents).toBe(6_300);
    expect(result.commissionsByPartner).toEqual({ pat: 6_300 });
  });

  it('matches the report login case-insensitively', () => {
    expect(lineOf(february({ partnerReports: ['Pat'] }), 'pat').flags).not.toContain(
      'partner-report-missing',
    );
  });
});
