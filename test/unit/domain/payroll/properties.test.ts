import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig, type ProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import {
  computePayroll,
  fullBaseCents,
  type Payroll,
  type PayrollInput,
  payrollSchema,
} from '../../../../src/domain/payroll/index.js';
import { CHAINS } from '../../../../src/domain/wallets/chains.js';

const DAY_MS = 86_400_000;
const LOGINS = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal'];
const FIRST_DAY = Date.UTC(2023, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2028, 11, 31) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const monthArb = fc
  .record({ year: fc.integer({ min: 2024, max: 2027 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

const configArb: fc.Arbitrary<ProgramConfig> = fc.oneof(
  fc.constant(defaultProgramConfig()),
  fc
    .record({
      baseCents: fc.integer({ min: 0, max: 50_000 }),
      includedNodes: fc.integer({ min: 0, max: 10 }),
      extraNodeCents: fc.integer({ min: 0, max: 10_000 }),
      maxNodes: fc.integer({ min: 1, max: 12 }),
      commissionTenths: fc.integer({ min: 0, max: 1_000 }),
      months: fc.integer({ min: 0, max: 24 }),
    })
    .map((numbers) => {
      const config = defaultProgramConfig();
      config.payroll.baseCents = numbers.baseCents;
      config.payroll.includedNodes = numbers.includedNodes;
      config.payroll.extraNodeCents = numbers.extraNodeCents;
      config.onboarding.maxNodes = numbers.maxNodes;
      config.partners.commissionPercent = numbers.commissionTenths / 10;
      config.partners.months = numbers.months;
      return config;
    }),
);

const operatorArb = (login: string): fc.Arbitrary<OperatorRecord> =>
  fc
    .record({
      nodes: fc.integer({ min: 0, max: 15 }),
      activated: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      activatedHour: fc.integer({ min: 0, max: 23 }),
      endsAfter: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
      status: fc.constantFrom('active', 'exiting', 'exited', 'terminated') as fc.Arbitrary<
        OperatorRecord['status']
      >,
      chain: fc.constantFrom(...CHAINS),
      referrer: fc.option(fc.constantFrom(...LOGINS), { nil: undefined }),
    })
    .map(({ nodes, activated, activatedHour, endsAfter, status, chain, referrer }) => ({
      login,
      handle: login,
      wallet: `wallet-${login}`,
      chain,
      nodes,
      region: 'eu',
      activatedAt: `${isoDay(activated)}T${String(activatedHour).padStart(2, '0')}:00:00Z`,
      status,
      applicationIssue: '1',
      ...(endsAfter === undefined ? {} : { endedAt: isoDay(activated + endsAfter) }),
      ...(referrer === undefined ? {} : { referrer }),
    }));

const inputArb: fc.Arbitrary<PayrollInput> = fc
  .record({
    month: monthArb,
    config: configArb,
    logins: fc.subarray(LOGINS, { minLength: 1 }),
  })
  .chain(({ month, config, logins }) =>
    fc.record({
      month: fc.constant(month),
      config: fc.constant(config),
      operators: fc.tuple(...logins.map(operatorArb)),
      metrics: fc.uniqueArray(
        fc.record({
          login: fc.constantFrom(...logins),
          month: fc.constant(month),
          uptimePercent: fc.option(fc.double({ min: 90, max: 100, noNaN: true }), { nil: undefined }),
          tasksCompleted: fc.integer({ min: 0, max: 120 }),
          tasksDispatched: fc.integer({ min: 0, max: 100 }),
          reportedWeeks: fc.integer({ min: 0, max: 5 }),
        }),
        { selector: (metrics) => metrics.login },
      ),
      alerts: fc.array(
        fc
          .record({
            login: fc.constantFrom(...logins),
            opened: fc.integer({
              min: Date.parse(`${month}-01T00:00:00Z`) - 3 * DAY_MS,
              max: Date.parse(`${month}-01T00:00:00Z`) + 33 * DAY_MS,
            }),
            ack: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
          })
          .map(({ login, opened, ack }) => ({
            login,
            openedAt: new Date(opened).toISOString(),
            ...(ack === undefined ? {} : { acknowledgedAt: new Date(opened + ack).toISOString() }),
          })),
        { maxLength: 6 },
      ),
      adjustments: fc.array(
        fc.record({
          login: fc.constantFrom(...LOGINS),
          cents: fc.integer({ min: -60_000, max: 60_000 }),
          reason: fc.constant('r'),
          by: fc.constant('boss'),
        }),
        { maxLength: 4 },
      ),
      holds: fc.array(
        fc.record({ login: fc.constantFrom(...LOGINS), reason: fc.constant('r'), by: fc.constant('boss') }),
        { maxLength: 2 },
      ),
      partnerReports: fc.subarray(LOGINS),
    }),
  );

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function numbersIn(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

const RUNS = { numRuns: 300 };

describe('payroll properties', () => {
  it('totals equal the sums of the lines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result: Payroll = computePayroll(input);
        expect(result.totalCents).toBe(sum(result.lines.map((line) => line.totalCents)));
        expect(result.payableCents).toBe(sum(result.lines.map((line) => line.payableCents)));
        expect(result.heldCents).toBe(result.totalCents - result.payableCents);
        expect(sum(Object.values(result.totalsByChain))).toBe(result.totalCents);
        expect(sum(Object.values(result.payableByChain))).toBe(result.payableCents);
        expect(sum(Object.values(result.commissionsByPartner))).toBe(
          sum(result.lines.map((line) => line.commissionCents)),
        );
        expect(() => payrollSchema.parse(result)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('a line’s total is the sum of its parts (or 0, flagged, when that is negative)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const line of computePayroll(input).lines) {
          const bonuses = sum(Object.values(line.bonuses));
          expect(bonuses).toBe(line.bonusCents);
          expect(line.commissionCents).toBe(
            sum(line.commissionDetails.map((detail) => detail.commissionCents)),
          );
          expect(line.adjustmentCents).toBe(sum(line.adjustments.map((adjustment) => adjustment.cents)));
          const parts = line.baseCents + bonuses + line.commissionCents + line.adjustmentCents;
          if (line.flags.includes('negative-clamped')) {
            expect(parts).toBeLessThan(0);
            expect(line.totalCents).toBe(0);
          } else expect(line.totalCents).toBe(parts);
          expect(line.payableCents).toBeLessThanOrEqual(line.totalCents);
          if (line.held) expect(line.payableCents).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('base is never negative and never more than the full month’s base', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const line of computePayroll(input).lines) {
          expect(line.baseCents).toBeGreaterThanOrEqual(0);
          expect(line.baseCents).toBeLessThanOrEqual(line.fullBaseCents);
          expect(line.activeDays).toBeGreaterThanOrEqual(1);
          expect(line.activeDays).toBeLessThanOrEqual(line.daysInMonth);
          if (line.activeDays === line.daysInMonth) expect(line.baseCents).toBe(line.fullBaseCents);
          // a float oracle is exact here: the product is an exact integer and a true half is representable
          expect(line.baseCents).toBe(Math.round((line.fullBaseCents * line.activeDays) / line.daysInMonth));
        }
      }),
      RUNS,
    );
  });

  it('every amount is a whole number of cents', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const numbers = numbersIn(computePayroll(input)).filter(([path]) => !path.endsWith('.uptimePercent'));
        for (const [path, value] of numbers) expect(Number.isSafeInteger(value), path).toBe(true);
      }),
      RUNS,
    );
  });

  it('each bonus is 0 or its configured amount', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { bonuses } = input.config.payroll;
        for (const line of computePayroll(input).lines) {
          expect([0, bonuses.uptimeCents]).toContain(line.bonuses.uptime);
          expect([0, bonuses.completionCents]).toContain(line.bonuses.completion);
          expect([0, bonuses.responseCents]).toContain(line.bonuses.response);
          expect([0, bonuses.retentionCents]).toContain(line.bonuses.retention);
          if (line.flags.includes('terminated-for-cause')) expect(line.bonusCents).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('adding a node never lowers the base', () => {
    fc.assert(
      fc.property(configArb, fc.integer({ min: 0, max: 20 }), (config, nodes) => {
        expect(fullBaseCents(nodes + 1, config)).toBeGreaterThanOrEqual(fullBaseCents(nodes, config));
      }),
    );
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const index = pick % input.operators.length;
        const more = input.operators.map((record, at) =>
          at === index ? { ...record, nodes: record.nodes + 1 } : record,
        );
        const login = input.operators[index]?.login;
        const before = computePayroll(input).lines.find((line) => line.operator === login);
        const after = computePayroll({ ...input, operators: more }).lines.find(
          (line) => line.operator === login,
        );
        expect(after?.baseCents ?? 0).toBeGreaterThanOrEqual(before?.baseCents ?? 0);
      }),
      RUNS,
    );
  });

  it('has one line per operator active in the month', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = computePayroll(input);
        const first = Date.parse(`${input.month}-01T00:00:00Z`) / DAY_MS;
        const [year, month] = input.month.split('-').map(Number) as [number, number];
        const last = Date.UTC(year, month, 1) / DAY_MS - 1;
        const active = input.operators.filter((record) => {
          const activated = Math.floor(Date.parse(record.activatedAt) / DAY_MS);
          const ended =
            record.endedAt === undefined ? undefined : Date.parse(`${record.endedAt}T00:00:00Z`) / DAY_MS;
          return activated <= last && (ended === undefined || ended >= first);
        });
        expect(result.lines.map((line) => line.operator).sort()).toEqual(
          active.map((record) => record.login).sort(),
        );
      }),
      RUNS,
    );
  });
});
