import { describe, expect, it } from 'vitest';
import { currentRecord } from '../../../../src/domain/history/current.js';
import { reviewMonthTouched } from '../../../../src/domain/history/effective-day.js';
import { historyFromRecord } from '../../../../src/domain/history/legacy.js';
import { computePayroll, type MonthlyMetrics, type Payroll } from '../../../../src/domain/payroll/index.js';
import { CONFIG, operator } from '../payroll/support.js';
import { activated, exited, history, nodes } from './support.js';

const payrollOf = (month: string, histories: ReturnType<typeof history>[], metrics: MonthlyMetrics[] = []) =>
  computePayroll({ month, operators: [], histories, metrics, config: CONFIG });
const linesOf = (payroll: Payroll, login: string) => payroll.lines.filter((line) => line.operator === login);

// `a`: an operator since 2025, gives notice, leaves on 10 March 2026 and is activated again on 20 March.
const before = [activated('2025-06-01T09:00:00Z'), exited('2026-03-10T00:00:00Z')];
const returned = [...before, activated('2026-03-20T10:00:00Z')];

describe('an operator who leaves and comes back', () => {
  it('has two March lines: the exit line (1–10) and a new 12-day line, $58.06 base + $20 response = $78.06', () => {
    const [exit, back] = linesOf(payrollOf('2026-03', [history('a', returned)]), 'a');
    expect(exit).toMatchObject({ key: 'a', activeDays: 10, status: 'exited', baseCents: 4839 });
    expect(exit?.flags).toContain('exit');
    // PROGRAM.md pro-ration: 15000 × 12 / 31 = 5806.45 → 5806, half-up to the cent.
    expect(back).toMatchObject({
      key: 'a@2026-03-20',
      activeDays: 12,
      firstActiveDay: '2026-03-20',
      lastActiveDay: '2026-03-31',
      status: 'active',
      baseCents: 5806,
      totalCents: 7806,
      payableCents: 7806,
    });
  });

  it('keeps August 2025 as it was: a whole month at $150.00 base, with or without the return', () => {
    const august = (events: typeof before) => linesOf(payrollOf('2025-08', [history('a', events)]), 'a');
    expect(august(returned)).toEqual(august(before));
    expect(august(returned)).toHaveLength(1);
    expect(august(returned)[0]).toMatchObject({ activeDays: 31, baseCents: 15_000, status: 'active' });
  });

  it('reads as active again in the registry, its second stint counted', () => {
    expect(currentRecord(history('a', returned))).toMatchObject({
      status: 'active',
      activatedAt: '2026-03-20T10:00:00Z',
      stints: 2,
    });
    expect(currentRecord(history('a', before))).toMatchObject({
      status: 'exited',
      endedAt: '2026-03-10T00:00:00Z',
    });
  });

  it('keeps one stint when the same activation is recorded twice (a retried job)', () => {
    const twice = [...returned, activated('2026-03-20T10:00:00Z')];
    expect(payrollOf('2026-03', [history('a', twice)])).toEqual(
      payrollOf('2026-03', [history('a', returned)]),
    );
  });
});

describe('the commission window is the referred operator’s first 12 months of active status, ever', () => {
  const partnerMetrics = (month: string): MonthlyMetrics => ({
    login: 'p',
    month,
    uptimePercent: 99.9,
    tasksCompleted: 0,
    tasksDispatched: 0,
    reportedWeeks: 4,
  });
  const partner = history('p', [activated('2023-01-01T00:00:00Z')]);
  const other = history('q', [activated('2025-01-01T00:00:00Z', { referrer: 'p' })]);
  const commissionOn = (returning: ReturnType<typeof history>, month: string) =>
    linesOf(
      payrollOf(month, [partner, other, returning], [partnerMetrics(month)]),
      'p',
    )[0]?.commissionDetails.find((detail) => detail.referred === 'r');

  it('pays nothing on an operator of all 2024 activated again in April 2026', () => {
    const r = history('r', [
      activated('2024-01-01T00:00:00Z'),
      exited('2024-12-31T00:00:00Z'),
      activated('2026-04-01T00:00:00Z', { referrer: 'p' }),
    ]);
    expect(commissionOn(r, '2026-04')).toBeUndefined();
    expect(commissionOn(r, '2026-05')).toBeUndefined();
  });

  it('counts a returning operator’s earlier months: three in 2024, so May 2026 is month 5', () => {
    const r = history('r', [
      activated('2024-10-01T00:00:00Z'),
      exited('2024-12-31T00:00:00Z'),
      activated('2026-04-01T00:00:00Z', { referrer: 'p' }),
    ]);
    expect(commissionOn(r, '2026-05')).toMatchObject({ monthIndex: 5, commissionCents: 3400 });
    // 3 months in 2024 + April 2026 … month 12 is December 2026; January 2027 is month 13.
    expect(commissionOn(r, '2026-12')?.monthIndex).toBe(12);
    expect(commissionOn(r, '2027-01')).toBeUndefined();
  });
});

describe('node counts change from a day', () => {
  const events = [
    activated('2026-01-01T00:00:00Z', { nodes: 3 }),
    nodes('2026-11-14T12:00:00Z', '2026-11-15', 7),
  ];

  it('pays November pro-rated by days: 14 days at 3 nodes, 16 at 7 — (15000×14 + 20000×16)/30 = 17666.67 → $176.67', () => {
    const [line] = linesOf(payrollOf('2026-11', [history('o', events)]), 'o');
    expect(line?.baseCents).toBe(17_667);
    expect(line?.nodes).toBe(7);
    expect(line?.nodePeriods).toEqual([
      { from: '2026-11-01', to: '2026-11-14', days: 14, nodes: 3, paidNodes: 3, fullBaseCents: 15_000 },
      { from: '2026-11-15', to: '2026-11-30', days: 16, nodes: 7, paidNodes: 7, fullBaseCents: 20_000 },
    ]);
  });

  it('leaves past months as they were, and December whole at 7 nodes', () => {
    expect(linesOf(payrollOf('2026-10', [history('o', events)]), 'o')[0]).toMatchObject({
      nodes: 3,
      baseCents: 15_000,
    });
    expect(linesOf(payrollOf('2026-12', [history('o', events)]), 'o')[0]).toMatchObject({
      nodes: 7,
      baseCents: 20_000,
    });
  });

  it('never reaches back before the month under review: recorded 2 December for 1 September takes effect 1 November', () => {
    const late = [
      activated('2026-01-01T00:00:00Z', { nodes: 3 }),
      nodes('2026-12-02T09:00:00Z', '2026-09-01', 7),
    ];
    expect(linesOf(payrollOf('2026-10', [history('o', late)]), 'o')[0]?.baseCents).toBe(15_000);
    expect(linesOf(payrollOf('2026-11', [history('o', late)]), 'o')[0]?.baseCents).toBe(20_000);
  });
});

describe('a wallet changed from a day', () => {
  it('pays the line to the wallet in effect on its last active day; earlier months keep theirs', () => {
    const eth = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
    const events = [
      activated('2026-01-01T00:00:00Z'),
      {
        id: 'wallet:1',
        type: 'wallet' as const,
        at: '2026-11-14T09:00:00Z',
        from: '2026-11-15',
        wallet: eth,
        chain: 'ethereum' as const,
      },
    ];
    expect(linesOf(payrollOf('2026-10', [history('o', events)]), 'o')[0]).toMatchObject({
      chain: 'base',
      wallet: `0x${'ab'.repeat(20)}`,
    });
    expect(linesOf(payrollOf('2026-11', [history('o', events)]), 'o')[0]).toMatchObject({
      chain: 'ethereum',
      wallet: eth,
    });
    expect(currentRecord(history('o', events))).toMatchObject({ chain: 'ethereum', wallet: eth });
  });
});

describe('an end recorded late', () => {
  it('cannot take back a closed month: an exit recorded 1 October for 31 August ends on 1 September', () => {
    const late = [
      activated('2026-01-01T00:00:00Z'),
      { ...exited('2026-08-31T00:00:00Z'), at: '2026-10-01T08:00:00Z' },
    ];
    const august = linesOf(payrollOf('2026-08', [history('o', late)]), 'o')[0];
    expect(august).toMatchObject({
      status: 'active',
      activeDays: 31,
      flags: expect.not.arrayContaining(['exit']),
    });
    expect(linesOf(payrollOf('2026-09', [history('o', late)]), 'o')[0]).toMatchObject({
      status: 'exited',
      activeDays: 1,
      lastActiveDay: '2026-09-01',
    });
  });
});

describe('records from before the history', () => {
  it('read as a one-stint history and pay exactly as the record did', () => {
    const record = operator('old', {
      activatedAt: '2026-01-10T15:00:00Z',
      status: 'exited',
      endedAt: '2026-03-05',
    });
    for (const month of ['2026-01', '2026-02', '2026-03'])
      expect(payrollOf(month, [historyFromRecord(record)])).toEqual(
        computePayroll({ month, operators: [record], config: CONFIG }),
      );
    expect(currentRecord(historyFromRecord(record))).toMatchObject({ ...record, stints: 1 });
  });
});

describe('which payroll under review an event reaches into', () => {
  it.each([
    [nodes('2026-12-02T09:00:00Z', '2026-11-15', 7), '2026-11'],
    [nodes('2026-12-02T09:00:00Z', '2026-09-01', 7), '2026-11'],
    [nodes('2026-12-02T09:00:00Z', '2026-12-01', 7), undefined],
    [nodes('2026-12-02T09:00:00Z', '2027-01-01', 7), undefined],
    [{ ...exited('2026-11-28T00:00:00Z'), at: '2026-12-03T09:00:00Z' }, '2026-11'],
    [exited('2026-12-02T00:00:00Z'), undefined],
    [activated('2026-12-02T00:00:00Z'), undefined],
  ])('%o → %s', (event, month) => {
    expect(reviewMonthTouched(event)).toBe(month);
  });
});

describe('an operator activated again on the day of its exit', () => {
  // `a` leaves on 10 March (last active day) and is activated again on 10 March at 15:00.
  const sameDay = [
    activated('2025-06-01T09:00:00Z'),
    exited('2026-03-10T00:00:00Z'),
    activated('2026-03-10T15:00:00Z'),
  ];

  it('is paid for each day of March once: 10 days on the exit line, 21 on the new one (before: 10 + 22 = 32)', () => {
    const [exit, back] = linesOf(payrollOf('2026-03', [history('a', sameDay)]), 'a');
    expect(exit).toMatchObject({ key: 'a', activeDays: 10, lastActiveDay: '2026-03-10' });
    expect(back).toMatchObject({ activeDays: 21, firstActiveDay: '2026-03-11', lastActiveDay: '2026-03-31' });
    expect((exit?.activeDays ?? 0) + (back?.activeDays ?? 0)).toBe(31);
    // PROGRAM.md pro-ration: 15000 × 21 / 31 = 10161.29 → 10161.
    expect(back?.baseCents).toBe(10_161);
  });

  it('gets no second line when it leaves again that same day', () => {
    const twice = [...sameDay, exited('2026-03-10T20:00:00Z')];
    expect(linesOf(payrollOf('2026-03', [history('a', twice)]), 'a')).toHaveLength(1);
  });
});
