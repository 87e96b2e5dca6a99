import { describe, expect, it } from 'vitest';
import { metrics, operator, soloLine, withConfig } from './support.js';

// January 2026 (no retention month); the operator is active the whole month on 1 node:
// base 15000, and with no critical alerts the response bonus (2000) is earned.
const month = '2026-01';
const ann = operator('ann');

describe('uptime bonus: > 99.5% for the month', () => {
  it.each([
    [99.5, 0, 17_000],
    [99.51, 5_000, 22_000],
    [100, 5_000, 22_000],
    [97, 0, 17_000],
  ])('uptime %d → %i cents bonus, total %i', (uptimePercent, bonus, total) => {
    const line = soloLine(month, ann, { metrics: [metrics('ann', month, { uptimePercent })] });
    expect(line.bonuses.uptime).toBe(bonus);
    expect(line.bonusDetails.uptime.earned).toBe(bonus > 0);
    expect(line.totalCents).toBe(total);
    expect(line.flags).not.toContain('missing-report');
  });

  it('writes the metric behind it', () => {
    const earned = soloLine(month, ann, { metrics: [metrics('ann', month, { uptimePercent: 99.62 })] });
    expect(earned.bonusDetails.uptime.metric).toBe('uptime 99.62% > 99.5% (4 weekly reports)');
    const missed = soloLine(month, ann, { metrics: [metrics('ann', month, { uptimePercent: 99.5 })] });
    expect(missed.bonusDetails.uptime.metric).toMatch(/^uptime 99\.5% ≤ 99\.5%/);
    const close = soloLine(month, ann, { metrics: [metrics('ann', month, { uptimePercent: 99.5001 })] });
    expect(close.bonusDetails.uptime.metric).toMatch(/^uptime 99\.5001% > 99\.5%/);
  });

  it('no uptime data: no bonus and the line is flagged missing-report', () => {
    const none = soloLine(month, ann);
    expect(none.bonuses.uptime).toBe(0);
    expect(none.flags).toContain('missing-report');
    const noUptime = soloLine(month, ann, {
      metrics: [metrics('ann', month, { tasksCompleted: 10, tasksDispatched: 10, reportedWeeks: 0 })],
    });
    expect(noUptime.flags).toContain('missing-report');
    expect(noUptime.bonuses.completion).toBe(3_000);
  });

  it('ignores metrics of another month', () => {
    const line = soloLine(month, ann, { metrics: [metrics('ann', '2025-12', { uptimePercent: 99.9 })] });
    expect(line.bonuses.uptime).toBe(0);
    expect(line.flags).toContain('missing-report');
  });

  it('matches the metrics login case-insensitively', () => {
    const line = soloLine(month, ann, { metrics: [metrics('ANN', month, { uptimePercent: 99.9 })] });
    expect(line.bonuses.uptime).toBe(5_000);
  });
});

describe('completion bonus: > 95% of dispatched tasks', () => {
  it.each([
    [19, 20, 0], // 95.0%
    [190, 200, 0], // 95.0%
    [951, 1000, 3_000], // 95.1%
    [20, 20, 3_000],
    [0, 20, 0],
  ])('%i of %i → %i cents', (tasksCompleted, tasksDispatched, bonus) => {
    const line = soloLine(month, ann, {
      metrics: [metrics('ann', month, { uptimePercent: 99, tasksCompleted, tasksDispatched })],
    });
    expect(line.bonuses.completion).toBe(bonus);
  });

  it('nothing dispatched: no bonus and no flag', () => {
    const line = soloLine(month, ann, { metrics: [metrics('ann', month, { uptimePercent: 99.9 })] });
    expect(line.bonuses.completion).toBe(0);
    expect(line.bonusDetails.completion.metric).toBe('no tasks dispatched');
    expect(line.flags).toEqual([]);
  });

  it('writes the ratio', () => {
    const line = soloLine(month, ann, {
      metrics: [metrics('ann', month, { uptimePercent: 99, tasksCompleted: 42, tasksDispatched: 44 })],
    });
    expect(line.bonusDetails.completion.metric).toBe('completion 42/44 = 95.45% > 95%');
  });

  it('compares a fractional threshold exactly', () => {
    const config = withConfig((c) => {
      c.payroll.thresholds.completionPercent = 95.5;
    });
    const line = (completed: number) =>
      soloLine(month, ann, {
        config,
        metrics: [
          metrics('ann', month, { uptimePercent: 99, tasksCompleted: completed, tasksDispatched: 200 }),
        ],
      });
    expect(line(191).bonuses.completion).toBe(0); // 95.5%
    expect(line(192).bonuses.completion).toBe(3_000); // 96%
  });
});

describe('critical response bonus: every critical alert acknowledged in < 30 min', () => {
  const opened = '2026-01-10T10:00:00Z';
  it.each([
    ['2026-01-10T10:00:00Z', 2_000],
    ['2026-01-10T10:29:59Z', 2_000],
    ['2026-01-10T10:30:00Z', 0],
    ['2026-01-10T11:00:00Z', 0],
  ])('acknowledged at %s → %i cents', (acknowledgedAt, bonus) => {
    const line = soloLine(month, ann, { alerts: [{ login: 'ann', openedAt: opened, acknowledgedAt }] });
    expect(line.bonuses.response).toBe(bonus);
  });

  it('writes the slowest response against the limit', () => {
    const fast = soloLine(month, ann, {
      alerts: [{ login: 'ann', openedAt: opened, acknowledgedAt: '2026-01-10T10:29:59Z' }],
    });
    expect(fast.bonusDetails.response.metric).toBe(
      '1 critical alert, slowest acknowledged in 29m 59s, within 30m',
    );
    const slow = soloLine(month, ann, {
      alerts: [
        { login: 'ann', openedAt: opened, acknowledgedAt: '2026-01-10T10:01:00Z' },
        { login: 'ann', openedAt: '2026-01-20T08:00:00Z', acknowledgedAt: '2026-01-20T08:30:00Z' },
      ],
    });
    expect(slow.bonusDetails.response.metric).toBe(
      '2 critical alerts, slowest acknowledged in 30m, not within 30m (1 late)',
    );
  });

  it('an unacknowledged alert is a breach', () => {
    const line = soloLine(month, ann, {
      alerts: [
        { login: 'ann', openedAt: opened, acknowledgedAt: '2026-01-10T10:05:00Z' },
        { login: 'ann', openedAt: '2026-01-12T10:00:00Z' },
      ],
    });
    expect(line.bonuses.response).toBe(0);
    expect(line.bonusDetails.response.metric).toMatch(/not acknowledged/);
  });

  it('no critical alerts in the month: earned', () => {
    const line = soloLine(month, ann, {
      alerts: [
        { login: 'ann', openedAt: '2025-12-31T23:50:00Z' },
        { login: 'ann', openedAt: '2026-02-01T00:00:00Z' },
        { login: 'bob', openedAt: opened },
      ],
    });
    expect(line.bonuses.response).toBe(2_000);
    expect(line.bonusDetails.response.metric).toBe('no critical alerts');
  });

  it('an alert belongs to the month it was opened in, even when acknowledged in the next', () => {
    const line = soloLine(month, ann, {
      alerts: [{ login: 'ann', openedAt: '2026-01-31T23:50:00Z', acknowledgedAt: '2026-02-01T00:25:00Z' }],
    });
    expect(line.bonuses.response).toBe(0); // 35 minutes
  });
});

describe('retention bonus: quarterly, 6+ full months of active tenure at the quarter end', () => {
  it.each([
    // payroll month, activation, retention cents
    ['2026-06', '2026-01-01', 10_000], // 1 Jan – 30 Jun: 6 full months
    ['2026-06', '2026-01-02', 0], // 5 full months and 29 days
    ['2026-06', '2025-12-31', 10_000], // 6 full months and a day
    ['2026-03', '2025-10-01', 10_000],
    ['2026-03', '2025-10-02', 0],
    ['2026-09', '2026-04-01', 10_000], // April – September
    ['2026-09', '2026-04-02', 0],
    ['2026-09', '2026-03-31', 10_000],
    ['2026-12', '2026-07-01', 10_000],
    ['2026-12', '2026-07-02', 0],
    ['2026-05', '2024-01-01', 0], // not a quarter's last month
    ['2026-07', '2024-01-01', 0],
  ])('%s payroll, activated %s → %i cents', (month, activatedAt, bonus) => {
    const line = soloLine(month, operator('ann', { activatedAt }));
    expect(line.bonuses.retention).toBe(bonus);
    expect(line.bonusDetails.retention.earned).toBe(bonus > 0);
  });

  it('writes the tenure', () => {
    const line = soloLine('2026-06', operator('ann', { activatedAt: '2026-01-02' }));
    expect(line.bonusDetails.retention.metric).toBe(
      '5 full months active at 2026-06-30 (since 2026-01-02) < 6',
    );
  });

  it('is not paid to an operator who left before the quarter end', () => {
    const line = soloLine(
      '2026-06',
      operator('ann', { activatedAt: '2024-01-01', status: 'exited', endedAt: '2026-06-29' }),
    );
    expect(line.bonuses.retention).toBe(0);
    const lastDay = soloLine(
      '2026-06',
      operator('ann', { activatedAt: '2024-01-01', status: 'exited', endedAt: '2026-06-30' }),
    );
    expect(lastDay.bonuses.retention).toBe(10_000);
  });

  it('adds to the other bonuses, none pro-rated', () => {
    // activated 15 June 2025: June 2026 full month; 15000 + 5000 + 3000 + 2000 + 10000
    const line = soloLine('2026-06', operator('ann', { activatedAt: '2025-06-15' }), {
      metrics: [metrics('ann', '2026-06', { uptimePercent: 99.9, tasksCompleted: 10, tasksDispatched: 10 })],
    });
    expect(line.bonusCents).toBe(20_000);
    expect(line.totalCents).toBe(35_000);
  });
});

describe('bonuses in a partial month are not pro-rated', () => {
  it('activated 31 January: base 484, bonuses in full', () => {
    const line = soloLine(month, operator('ann', { activatedAt: '2026-01-31' }), {
      metrics: [metrics('ann', month, { uptimePercent: 100, tasksCompleted: 3, tasksDispatched: 3 })],
    });
    expect(line.baseCents).toBe(484);
    expect(line.bonuses).toEqual({ uptime: 5_000, completion: 3_000, response: 2_000, retention: 0 });
    expect(line.totalCents).toBe(10_484);
  });
});
