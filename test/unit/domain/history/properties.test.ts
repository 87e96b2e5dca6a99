import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent, OperatorHistory } from '../../../../src/domain/history/events.js';
import { computePayroll, type MonthlyMetrics } from '../../../../src/domain/payroll/index.js';
import { addMonthsTo } from '../../../../src/domain/time/month.js';
import { CONFIG } from '../payroll/support.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 4 * 365;
const LOGINS = ['ann', 'bob', 'cat', 'dan'];
const WALLETS = [`0x${'ab'.repeat(20)}`, `0x${'cd'.repeat(20)}`, `0x${'ef'.repeat(20)}`];
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const month = (ms: number) => iso(ms).slice(0, 7);

type Step = {
  kind: 'activate' | 'notice' | 'exit' | 'terminate' | 'nodes' | 'wallet' | 'request';
  atMinute: number;
  nodes: number;
  /** Days from the recording day to the effective day (negative: back-dated). */
  shift: number;
  referrer: number;
  wallet: number;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(
    'activate',
    'activate',
    'notice',
    'exit',
    'terminate',
    'nodes',
    'nodes',
    'wallet',
    'request',
  ),
  atMinute: fc.integer({ min: 0, max: SPAN_DAYS * 1440 }),
  nodes: fc.integer({ min: 1, max: 12 }),
  shift: fc.integer({ min: -100, max: 30 }),
  referrer: fc.integer({ min: 0, max: LOGINS.length }),
  wallet: fc.integer({ min: 0, max: WALLETS.length - 1 }),
});

/** A step as the bot would record it: event time, ids unique per fact, an exit's last day at or before its recording. */
function eventOf(step: Step, index: number, login: string): HistoryEvent {
  const atMs = START + step.atMinute * 60_000;
  const at = iso(atMs);
  const id = `${step.kind}:${index}`;
  const from = day(atMs + step.shift * DAY_MS);
  switch (step.kind) {
    case 'activate': {
      const referrer = LOGINS[step.referrer];
      return {
        id,
        type: 'activated',
        at,
        handle: login,
        wallet: WALLETS[step.wallet] ?? '',
        chain: 'base',
        nodes: step.nodes,
        region: 'eu',
        ...(referrer ? { referrer } : {}),
        applicationIssue: `fleet/program#${index}`,
      };
    }
    case 'notice':
      return { id, type: 'notice', at };
    case 'exit':
    case 'terminate':
      return {
        id,
        type: 'ended',
        kind: step.kind === 'exit' ? 'exited' : 'terminated',
        at,
        lastDay: iso(atMs - Math.abs(step.shift) * DAY_MS),
      };
    case 'nodes':
      return { id, type: 'nodes', at, from, nodes: step.nodes };
    case 'request':
      return { id, type: 'nodes-requested', at, from, nodes: step.nodes };
    case 'wallet':
      return { id, type: 'wallet', at, from, wallet: WALLETS[step.wallet] ?? '', chain: 'base' };
  }
}

const historiesArb = fc
  .array(fc.array(stepArb, { maxLength: 14 }), { minLength: 1, maxLength: LOGINS.length })
  .map((perOperator) =>
    perOperator.map(
      (steps, n): OperatorHistory => ({
        login: LOGINS[n] ?? 'x',
        events: steps
          .map((step, index) => eventOf(step, index, LOGINS[n] ?? 'x'))
          .sort((a, b) => a.at.localeCompare(b.at)),
      }),
    ),
  );

/** Every operator with uptime and tasks, so partner status and bonuses are exercised too. */
const metricsOf = (m: string): MonthlyMetrics[] =>
  LOGINS.map((login, n) => ({
    login,
    month: m,
    uptimePercent: 99 + n * 0.3,
    tasksCompleted: 20 + n,
    tasksDispatched: 22,
    reportedWeeks: 4,
  }));

const payrollOf = (m: string, histories: OperatorHistory[]) =>
  computePayroll({ month: m, operators: [], histories, metrics: metricsOf(m), config: CONFIG });

describe('a closed month computes the same forever', () => {
  it('appending later events (activations, exits, returns, node and wallet changes) never changes its lines', () => {
    fc.assert(
      fc.property(historiesArb, fc.nat(), fc.nat(), (histories, cutPick, pick) => {
        // Cut at one of the history's own events (half the time) or any day: later events exist.
        const times = histories.flatMap((h) => h.events.map((e) => Date.parse(e.at)));
        const cutMs =
          pick % 4 < 2 && times.length > 0
            ? (times[cutPick % times.length] ?? START)
            : START + (cutPick % SPAN_DAYS) * DAY_MS;
        const cut = iso(cutMs);
        // Months before the one under review at the cut are closed.
        const lastClosed = addMonthsTo(month(cutMs), -2);
        const closedMonths: string[] = [];
        for (let m = '2023-12'; m <= lastClosed; m = addMonthsTo(m, 1)) closedMonths.push(m);
        // Half the time the month just closed, where a back-dated change would land first.
        const closed = pick % 2 === 0 ? lastClosed : (closedMonths[pick % closedMonths.length] ?? '2023-12');
        const before = histories.map((h) => ({ ...h, events: h.events.filter((e) => e.at < cut) }));
        expect(payrollOf(closed, histories)).toEqual(payrollOf(closed, before));
      }),
      { numRuns: 500 },
    );
  });

  it('a history read twice (every event recorded again, as a retried job would) pays the same', () => {
    fc.assert(
      fc.property(historiesArb, fc.integer({ min: 0, max: 47 }), (histories, offset) => {
        const m = addMonthsTo('2024-01', offset);
        const twice = histories.map((h) => ({ ...h, events: [...h.events, ...h.events] }));
        expect(payrollOf(m, twice)).toEqual(payrollOf(m, histories));
      }),
      { numRuns: 150 },
    );
  });

  it('every line is within its month, one per stint active in it, and days never overlap', () => {
    fc.assert(
      fc.property(historiesArb, fc.integer({ min: 0, max: 47 }), (histories, offset) => {
        const m = addMonthsTo('2024-01', offset);
        const payroll = payrollOf(m, histories);
        for (const login of LOGINS) {
          const lines = payroll.lines.filter((line) => line.operator === login);
          for (const [i, line] of lines.entries()) {
            expect(line.firstActiveDay.startsWith(m) && line.lastActiveDay.startsWith(m)).toBe(true);
            expect(line.nodePeriods?.reduce((sum, p) => sum + p.days, 0)).toBe(line.activeDays);
            const next = lines[i + 1];
            if (next) expect(next.firstActiveDay > line.lastActiveDay).toBe(true);
          }
          expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
