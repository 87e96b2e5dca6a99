import { describe, expect, it } from 'vitest';
import { CONFIG, operator, payroll, soloLine, withConfig } from './support.js';

// Expected cents below are worked out by hand from PROGRAM.md "Compensation":
// $150.00 up to 5 nodes, +$25.00 per node 6–10, nothing beyond 10; pro-ration
// base × active_days / days_in_month, half-up to the cent, both end days counted.

describe('base by node count (a full month)', () => {
  it.each([
    [0, 15_000],
    [1, 15_000],
    [2, 15_000],
    [3, 15_000],
    [4, 15_000],
    [5, 15_000],
    [6, 17_500],
    [7, 20_000],
    [8, 22_500],
    [9, 25_000],
    [10, 27_500],
    [11, 27_500],
    [12, 27_500],
  ])('%i nodes → %i cents', (nodes, cents) => {
    const line = soloLine('2026-01', operator('ann', { nodes }));
    expect(line.baseCents).toBe(cents);
    expect(line.fullBaseCents).toBe(cents);
    expect(line.nodes).toBe(nodes);
    expect(line.paidNodes).toBe(Math.min(nodes, 10));
    expect(line.activeDays).toBe(31);
    expect(line.daysInMonth).toBe(31);
  });
});

describe('pro-ration of the activation month', () => {
  it.each([
    // month, activation day, days in month, active days, cents
    ['2026-02', '2026-02-01', 28, 28, 15_000],
    ['2026-02', '2026-02-15', 28, 14, 7_500], // 15000 × 14/28
    ['2026-02', '2026-02-28', 28, 1, 536], // 535.714…
    ['2028-02', '2028-02-15', 29, 15, 7_759], // 7758.62…
    ['2028-02', '2028-02-29', 29, 1, 517], // 517.24…
    ['2026-04', '2026-04-01', 30, 30, 15_000],
    ['2026-04', '2026-04-15', 30, 16, 8_000], // 15000 × 16/30
    ['2026-04', '2026-04-30', 30, 1, 500],
    ['2026-01', '2026-01-01', 31, 31, 15_000],
    ['2026-01', '2026-01-15', 31, 17, 8_226], // 8225.806…
    ['2026-01', '2026-01-31', 31, 1, 484], // 483.870…
  ])('%s, activated %s: %i days, %i active → %i cents', (month, activatedAt, days, active, cents) => {
    const line = soloLine(month, operator('ann', { activatedAt }));
    expect(line.daysInMonth).toBe(days);
    expect(line.activeDays).toBe(active);
    expect(line.baseCents).toBe(cents);
    expect(line.fullBaseCents).toBe(15_000);
    expect(line.firstActiveDay).toBe(activatedAt);
  });

  it('pro-rates the node tiers too: 10 nodes from 15 January → 27500 × 17/31 = 15080.645… → 15081', () => {
    expect(soloLine('2026-01', operator('ann', { nodes: 10, activatedAt: '2026-01-15' })).baseCents).toBe(
      15_081,
    );
  });

  it('counts the UTC day of an activation instant: 23:30 at UTC−5 on 15 January is 16 January', () => {
    const line = soloLine('2026-01', operator('ann', { activatedAt: '2026-01-15T23:30:00-05:00' }));
    expect(line.firstActiveDay).toBe('2026-01-16');
    expect(line.activeDays).toBe(16);
    expect(line.baseCents).toBe(7_742); // 15000 × 16/31 = 7741.935…
  });

  it('reads a date-time without a zone as UTC', () => {
    const line = soloLine('2026-01', operator('ann', { activatedAt: '2026-01-15T23:30:00' }));
    expect(line.firstActiveDay).toBe('2026-01-15');
  });

  it('rounds an exact half cent up', () => {
    const config = withConfig((c) => {
      c.payroll.baseCents = 45;
    });
    // 45 × 1/30 = 1.5 → 2; 45 × 29/30 = 43.5 → 44
    expect(soloLine('2026-04', operator('ann', { activatedAt: '2026-04-30' }), { config }).baseCents).toBe(2);
    expect(soloLine('2026-04', operator('ann', { activatedAt: '2026-04-02' }), { config }).baseCents).toBe(
      44,
    );
  });

  it('reads the tiers from the config', () => {
    const config = withConfig((c) => {
      c.payroll.baseCents = 20_000;
      c.payroll.includedNodes = 3;
      c.payroll.extraNodeCents = 1_000;
      c.onboarding.maxNodes = 6;
    });
    // 20000 + (min(8, 6) − 3) × 1000
    expect(soloLine('2026-01', operator('ann', { nodes: 8 }), { config }).baseCents).toBe(23_000);
  });
});

describe('who gets a line', () => {
  const month = '2026-03';
  const result = payroll(month, [
    operator('before', { activatedAt: '2025-01-01' }),
    operator('first-day', { activatedAt: '2026-03-01' }),
    operator('last-day', { activatedAt: '2026-03-31' }),
    operator('next-month', { activatedAt: '2026-04-01' }),
    operator('left-before', { status: 'exited', activatedAt: '2025-01-01', endedAt: '2026-02-28' }),
    operator('left-on-1st', { status: 'exited', activatedAt: '2025-01-01', endedAt: '2026-03-01' }),
    operator('left-later', { status: 'exited', activatedAt: '2025-01-01', endedAt: '2026-04-10' }),
  ]);

  it('has one line per operator active on at least one day of the month, sorted by login', () => {
    expect(result.lines.map((line) => line.operator)).toEqual([
      'before',
      'first-day',
      'last-day',
      'left-later',
      'left-on-1st',
    ]);
  });

  it('counts a last active day on the 1st as one day: 15000/31 = 483.87 → 484', () => {
    const line = result.lines.find((candidate) => candidate.operator === 'left-on-1st');
    expect(line?.activeDays).toBe(1);
    expect(line?.baseCents).toBe(484);
    expect(line?.status).toBe('exited');
    expect(line?.flags).toContain('exit');
  });

  it('shows an operator who left after the month as active that month, paid in full', () => {
    const line = result.lines.find((candidate) => candidate.operator === 'left-later');
    expect(line?.status).toBe('active');
    expect(line?.baseCents).toBe(CONFIG.payroll.baseCents);
    expect(line?.flags).not.toContain('exit');
  });
});
