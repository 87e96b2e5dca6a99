import { describe, expect, it } from 'vitest';
import { defaultProgramConfig, programConfigSchema } from '../../../../src/config/program.js';
import {
  type HealthApplication,
  type Measure,
  type MeasureId,
  type ProgramHealthInput,
  programHealth,
} from '../../../../src/domain/health/program-health.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import type { StoredReport } from '../../../../src/domain/reports/stored.js';
import { isoWeeksOverlappingMonth } from '../../../../src/domain/time/iso-week.js';
import { loadTemplates } from '../../../../src/templates.js';

const templates = loadTemplates();
const MONTH = '2026-11';

/** An operator active since long before the month, in fsn1, with 1 node; override what the case is about. */
const op = (login: string, overrides: Partial<OperatorRecord> = {}): OperatorRecord => ({
  login,
  handle: login,
  wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  chain: 'base',
  nodes: 1,
  region: 'fsn1',
  activatedAt: '2024-01-01T00:00:00.000Z',
  status: 'active',
  applicationIssue: 'fleet/program#1',
  ...overrides,
});
const ops = (count: number, prefix = 'op', overrides: Partial<OperatorRecord> = {}) =>
  Array.from({ length: count }, (_, i) => op(`${prefix}${String(i + 1).padStart(3, '0')}`, overrides));

/** A report for every ISO week overlapping the month, each with this uptime. */
const fullMonthOf = (uptimePercent: number, month = MONTH): StoredReport[] =>
  isoWeeksOverlappingMonth(month).map((week) => ({
    report: { week, uptimePercent, tasksCompleted: 1, tasksDispatched: 1 },
    source: { issue: 'fleet/program#7', commentId: 1, at: '2026-12-01T00:00:00.000Z' },
  }));

const health = (input: Partial<ProgramHealthInput> = {}) =>
  programHealth({
    month: MONTH,
    operators: [],
    reportsOf: () => [],
    applications: [],
    render: templates.render,
    targets: defaultProgramConfig().health,
    ...input,
  });
const measureOf = (id: MeasureId, input: Partial<ProgramHealthInput> = {}): Measure => {
  const found = health(input).measures.find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
};

describe('program health: the issue', () => {
  it('is the month’s program report, with every measure in a table and nothing left unfilled', () => {
    const result = health({
      operators: [op('alice'), op('bob', { region: 'hel1' })],
      reportsOf: () => fullMonthOf(99.9),
      applications: [{ login: 'dan', openedAt: '2026-11-03T10:00:00Z', referredBy: 'alice' }],
    });
    expect(result.key).toBe('program-report-2026-11');
    expect(result.issue.title).toBe('Program report 2026-11');
    expect(result.issue.labels).toEqual(['program-report']);
    expect(result.measures.map((m) => m.id)).toEqual([
      'activeOperators',
      'churn',
      'fleetUptime',
      'partnerShare',
      'thinRegions',
      'withoutMentee',
    ]);
    const body = result.issue.body;
    expect(body).toMatch(/^### Program report 2026-11\n/);
    expect(body).toContain('| measure | value | target | status |');
    for (const m of result.measures)
      expect(body).toContain(`| ${m.name} | ${m.value} | ${m.target} | ${m.status} |`);
    expect(body).toContain('- fsn1 — @alice');
    expect(body).toContain('- @dan — referred by @alice');
    expect(body).not.toMatch(/\{\{|\}\}|undefined|NaN|\[object Object\]/);
  });

  it('renders an empty program without dividing by zero', () => {
    const result = health();
    expect(result.measures.map((m) => [m.id, m.value, m.status])).toEqual([
      ['activeOperators', '0', '⚠️'],
      ['churn', 'n/a (no active operators; 0 left)', '⚠️'],
      ['fleetUptime', 'n/a (no reports for the month)', '⚠️'],
      ['partnerShare', 'n/a (no applications)', '⚠️'],
      ['thinRegions', 'none', '✅'],
      ['withoutMentee', 'none', '✅'],
    ]);
    expect(result.issue.body).not.toMatch(/\{\{|\}\}|undefined|NaN|Infinity|\[object Object\]/);
  });

  it('refuses a malformed month', () => {
    expect(() => health({ month: '2026-13' })).toThrow(RangeError);
  });

  it('takes other targets from the config', () => {
    const m = measureOf('activeOperators', {
      operators: ops(6),
      targets: programConfigSchema.parse({ health: { activeOperators: { min: 4, max: 8 } } }).health,
    });
    expect(m).toMatchObject({ target: '4–8', status: '✅' });
  });
});

describe('program health: active certified operators (3–5)', () => {
  it.each([
    [2, '⚠️'],
    [3, '✅'],
    [5, '✅'],
    [6, '⚠️'],
  ])('%i operators → %s', (count, status) => {
    expect(measureOf('activeOperators', { operators: ops(count) })).toMatchObject({
      value: String(count),
      amount: count,
      target: '3–5',
      status,
    });
  });

  it.each([
    ['in their notice', op('x', { status: 'exiting' }), 1],
    ['activated on the last day', op('x', { activatedAt: '2026-11-30T18:00:00Z' }), 1],
    ['activated the day after', op('x', { activatedAt: '2026-12-01T00:00:00Z' }), 0],
    ['last active day the month’s last day', op('x', { status: 'exited', endedAt: '2026-11-30' }), 0],
    ['exited later (a past month re-run)', op('x', { status: 'exited', endedAt: '2026-12-03' }), 1],
    ['terminated without a date', op('x', { status: 'terminated' }), 0],
  ])('an operator %s counts %i', (_why, record, count) => {
    expect(measureOf('activeOperators', { operators: [record] }).amount).toBe(count);
  });
});

describe('program health: churn over 12 months (< 10%)', () => {
  // Leavers whose last day is the window's first day are never active at a month end, so the
  // average is exactly the steady fleet.
  const leavers = (count: number, endedAt = '2025-12-01') =>
    ops(count, 'gone', { status: 'exited', endedAt });

  it.each([
    ['10 left of 101 → 9.9%', 101, 10, '9.9% (10 left ÷ 101 active on average)', '✅'],
    ['10 left of 100 → 10%', 100, 10, '10% (10 left ÷ 100 active on average)', '⚠️'],
    ['nobody left', 4, 0, '0% (0 left ÷ 4 active on average)', '✅'],
  ])('%s', (_why, steady, left, value, status) => {
    expect(measureOf('churn', { operators: [...ops(steady), ...leavers(left)] })).toMatchObject({
      value,
      target: '< 10%',
      status,
    });
  });

  it('counts exits and terminations whose last day is inside the 12 months ending with the month', () => {
    const m = measureOf('churn', {
      operators: [
        ...ops(10),
        op('before', { status: 'exited', endedAt: '2025-11-30' }),
        op('first', { status: 'exited', endedAt: '2025-12-01' }),
        op('fired', { status: 'terminated', endedAt: '2026-06-15T10:00:00Z' }),
        op('last', { status: 'exited', endedAt: '2026-11-30' }),
        op('later', { status: 'exited', endedAt: '2026-12-01' }),
        op('leaving', { status: 'exiting' }),
      ],
    });
    expect(m.items).toEqual([
      '@first — exited on 2025-12-01',
      '@fired — terminated on 2026-06-15',
      '@last — exited on 2026-11-30',
    ]);
  });

  it('averages the active operators over the 12 month ends (a growing fleet)', () => {
    // 2 operators all year, 2 more from 2026-06-01 (active at 6 of the 12 month ends): 3 on average.
    const m = measureOf('churn', {
      operators: [
        ...ops(2),
        ...ops(2, 'new', { activatedAt: '2026-06-01' }),
        op('gone', { status: 'exited', endedAt: '2026-03-10' }),
      ],
    });
    // `gone` was active at the ends of Dec, Jan and Feb: (2×12 + 2×6 + 3) / 12 = 3.25.
    expect(m).toMatchObject({ amount: 30.769230769, status: '⚠️' });
    expect(m.value).toBe('30.77% (1 left ÷ 3.3 active on average)');
  });

  it('is n/a, not a division by zero, when nobody was active at a month end', () => {
    const m = measureOf('churn', {
      operators: [op('brief', { status: 'exited', activatedAt: '2026-04-02', endedAt: '2026-04-20' })],
    });
    expect(m).toMatchObject({ value: 'n/a (no active operators; 1 left)', status: '⚠️' });
    expect(m.amount).toBeUndefined();
  });
});

describe('program health: fleet uptime (> 99.5%)', () => {
  it.each([
    [99.5, '⚠️'],
    [99.51, '✅'],
  ])('%s% → %s', (uptime, status) => {
    expect(
      measureOf('fleetUptime', { operators: ops(3), reportsOf: () => fullMonthOf(uptime) }),
    ).toMatchObject({
      amount: uptime,
      value: `${uptime}% (3 of 3 operators reported)`,
      target: '> 99.5%',
      status,
    });
  });

  it('weighs each operator by nodes', () => {
    const uptimes: Record<string, number> = { big: 99.9, small: 98.9 };
    const m = measureOf('fleetUptime', {
      operators: [op('big', { nodes: 9 }), op('small', { nodes: 1 })],
      reportsOf: (login) => fullMonthOf(uptimes[login] ?? 0),
    });
    expect(m).toMatchObject({ amount: 99.8, status: '✅' });
  });

  it('leaves out and lists operators without reports, and the weeks missing in an operator’s active days (not the one straddling the month’s end, not due yet)', () => {
    const m = measureOf('fleetUptime', {
      operators: [
        op('alice'),
        op('bob'),
        op('newbie', { activatedAt: '2026-11-20' }),
        op('gone', { status: 'exited', endedAt: '2026-10-31' }),
      ],
      reportsOf: (login) =>
        login === 'alice' ? fullMonthOf(99.9) : login === 'bob' ? fullMonthOf(99.7).slice(0, 2) : [],
    });
    // alice: 99.9 over 30 days; bob: 99.7 over 8 (1 day of W44, 7 of W45): (2997 + 797.6) / 38.
    expect(m).toMatchObject({ amount: 99.857894737, value: '99.858% (2 of 3 operators reported)' });
    expect(m.items).toEqual([
      '@bob — 2026-W46, 2026-W47, 2026-W48',
      '@newbie — no report for 2026-11 (2026-W47, 2026-W48), left out of the fleet uptime',
    ]);
  });
});

describe('program health: partner share of new applications (> 30%)', () => {
  const applications = (referred: number, total: number): HealthApplication[] =>
    Array.from({ length: total }, (_, i) => ({
      login: `applicant${i}`,
      openedAt: '2026-11-15T12:00:00Z',
      ...(i < referred ? { referredBy: 'partner' } : {}),
    }));

  it.each([
    [3, 10, '30% (3 of 10)', '⚠️'],
    [31, 100, '31% (31 of 100)', '✅'],
  ])('%i referred of %i → %s', (referred, total, value, status) => {
    expect(measureOf('partnerShare', { applications: applications(referred, total) })).toMatchObject({
      value,
      target: '> 30%',
      status,
    });
  });

  it('counts only applications opened in the month (UTC), each person once', () => {
    const m = measureOf('partnerShare', {
      applications: [
        { login: 'early', openedAt: '2026-10-31T23:59:59Z', referredBy: 'p' },
        { login: 'late', openedAt: '2026-12-01T00:00:00Z', referredBy: 'p' },
        { login: 'zone', openedAt: '2026-12-01T00:30:00+01:00', referredBy: 'p' },
        { login: 'twice', openedAt: '2026-11-02' },
        { login: 'Twice', openedAt: '2026-11-20', referredBy: '@p' },
        { login: 'plain', openedAt: '2026-11-05' },
      ],
    });
    expect(m).toMatchObject({ value: '66.67% (2 of 3)', status: '✅' });
    expect(m.items).toEqual(['@twice — referred by @p', '@zone — referred by @p']);
  });
});

describe('program health: regions with fewer than 2 active operators (none)', () => {
  it.each([
    [
      'two in each region',
      [op('a'), op('b'), op('c', { region: 'hel1' }), op('d', { region: 'HEL1 ' })],
      'none',
      [],
    ],
    ['a region with one operator', [op('a'), op('b'), op('c', { region: 'hel1' })], '1 of 2', ['hel1 — @c']],
    [
      'a region that lost its operator this year',
      [op('a'), op('b'), op('c', { region: 'hel1', status: 'exited', endedAt: '2026-03-01' })],
      '1 of 2',
      ['hel1 — no active operator'],
    ],
    [
      'a region left more than 12 months ago',
      [op('a'), op('b'), op('c', { region: 'hel1', status: 'exited', endedAt: '2025-11-30' })],
      'none',
      [],
    ],
  ])('%s', (_why, operators, value, items) => {
    const m = measureOf('thinRegions', { operators });
    expect(m).toMatchObject({ value, items, target: 'none', status: items.length === 0 ? '✅' : '⚠️' });
  });
});

describe('program health: operators without a mentee after 6 months (none)', () => {
  // Activated 2026-06-01: 6 full months at the end of November; 2026-06-02: 5.
  it.each([
    [
      '6 months, no mentee',
      [op('senior', { activatedAt: '2026-06-01' })],
      ['@senior — active since 2026-06-01'],
    ],
    [
      '6 months, a mentee',
      [
        op('senior', { activatedAt: '2026-06-01' }),
        op('junior', { activatedAt: '2026-09-01', mentor: 'Senior' }),
      ],
      [],
    ],
    ['5 months and 29 days, no mentee yet', [op('senior', { activatedAt: '2026-06-02' })], []],
    [
      'a mentee activated only after the month',
      [
        op('senior', { activatedAt: '2026-06-01' }),
        op('junior', { activatedAt: '2026-12-02', mentor: 'senior' }),
      ],
      ['@senior — active since 2026-06-01'],
    ],
    [
      'a mentee who has left since',
      [op('senior'), op('junior', { mentor: 'senior', status: 'exited', endedAt: '2025-01-31' })],
      [],
    ],
  ])('%s', (_why, operators, items) => {
    expect(measureOf('withoutMentee', { operators })).toMatchObject({
      items,
      value: items.length === 0 ? 'none' : `${items.length} of 1`,
      status: items.length === 0 ? '✅' : '⚠️',
    });
  });
});
