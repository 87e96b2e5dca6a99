import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  monthlyMetrics,
  monthlyMetricsSchema,
  type WeeklyReport,
} from '../../../../src/domain/reports/index.js';
import { addIsoWeeks, isoWeekDays } from '../../../../src/domain/time/iso-week.js';
import { addMonthsTo } from '../../../../src/domain/time/month.js';

const report = (
  week: string,
  uptimePercent: number,
  tasksCompleted = 0,
  tasksDispatched = 0,
): WeeklyReport => ({
  week,
  uptimePercent,
  tasksCompleted,
  tasksDispatched,
});

/**
 * November 2026 (Sun 1 – Mon 30) overlaps six ISO weeks:
 * W44 Oct 26–Nov 1 (1 day in November, Thursday in October), W45–W48 (7 days each),
 * W49 Nov 30–Dec 6 (1 day in November, Thursday in December).
 */
describe('monthlyMetrics', () => {
  const cases: [
    string,
    string,
    WeeklyReport[],
    {
      uptime?: number;
      completed: number;
      dispatched: number;
      reported: string[];
      missing: string[];
      days: number;
    },
  ][] = [
    [
      'every week reported at 99.5: exactly 99.5, no floating-point noise',
      '2026-11',
      ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'].map((week) =>
        report(week, 99.5, 10, 10),
      ),
      {
        uptime: 99.5,
        completed: 40,
        dispatched: 40,
        reported: ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'],
        missing: [],
        days: 30,
      },
    ],
    [
      // (90×1 + 100×7 + 99×7 + 98×7 + 80×1) / (1+7+7+7+1) = 2249 / 23
      'straddling weeks weigh their days inside the month; a missing week is left out',
      '2026-11',
      [
        report('2026-W44', 90, 5, 5),
        report('2026-W45', 100, 10, 10),
        report('2026-W46', 99, 9, 10),
        report('2026-W48', 98, 8, 10),
        report('2026-W49', 80, 1, 7),
      ],
      {
        uptime: 2249 / 23,
        completed: 27,
        dispatched: 30,
        reported: ['2026-W44', '2026-W45', '2026-W46', '2026-W48', '2026-W49'],
        missing: ['2026-W47'],
        days: 23,
      },
    ],
    [
      // W49: 6 days in December at 80; W50: 7 days at 100 → (480 + 700) / 13
      'December gets the rest of the straddling week, and its tasks',
      '2026-12',
      [report('2026-W48', 50, 3, 3), report('2026-W49', 80, 1, 7), report('2026-W50', 100, 4, 4)],
      {
        uptime: 1180 / 13,
        completed: 5,
        dispatched: 11,
        reported: ['2026-W49', '2026-W50'],
        missing: ['2026-W51', '2026-W52', '2026-W53'],
        days: 13,
      },
    ],
    [
      'only one straddling day reported: that day is the whole weight',
      '2026-11',
      [report('2026-W49', 96.5, 2, 2)],
      {
        uptime: 96.5,
        completed: 0,
        dispatched: 0,
        reported: ['2026-W49'],
        missing: ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'],
        days: 1,
      },
    ],
    [
      'no report overlaps the month: no uptime, no tasks',
      '2026-11',
      [report('2026-W40', 99), report('2026-W50', 99)],
      {
        completed: 0,
        dispatched: 0,
        reported: [],
        missing: ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'],
        days: 0,
      },
    ],
    [
      // 2026-W53 (Dec 28 – Jan 3): 3 days in January, Thursday Dec 31 → its tasks belong to December
      'across the year boundary: 2026-W53 counts 3 days in January, its tasks in December',
      '2027-01',
      [report('2026-W53', 91, 9, 9), report('2027-W01', 98, 20, 20)],
      {
        uptime: (91 * 3 + 98 * 7) / 10,
        completed: 20,
        dispatched: 20,
        reported: ['2026-W53', '2027-W01'],
        missing: ['2027-W02', '2027-W03', '2027-W04'],
        days: 10,
      },
    ],
    [
      'a second report for a week replaces the first',
      '2026-11',
      [report('2026-W47', 50, 1, 10), report('2026-W47', 99, 9, 10)],
      {
        uptime: 99,
        completed: 9,
        dispatched: 10,
        reported: ['2026-W47'],
        missing: ['2026-W44', '2026-W45', '2026-W46', '2026-W48', '2026-W49'],
        days: 7,
      },
    ],
  ];

  it.each(cases)('%s', (_name, month, reports, expected) => {
    const metrics = monthlyMetrics('ada', month, reports);
    expect(monthlyMetricsSchema.parse(metrics)).toEqual(metrics);
    if (expected.uptime === undefined) expect(metrics.uptimePercent).toBeUndefined();
    else expect(metrics.uptimePercent).toBeCloseTo(expected.uptime, 8);
    expect(metrics).toMatchObject({
      login: 'ada',
      month,
      tasksCompleted: expected.completed,
      tasksDispatched: expected.dispatched,
      reportedWeeks: expected.reported,
      missingWeeks: expected.missing,
      reportedDays: expected.days,
    });
    if (expected.dispatched === 0) expect(metrics.completionPercent).toBeUndefined();
    else expect(metrics.completionPercent).toBeCloseTo((100 * expected.completed) / expected.dispatched, 8);
  });

  it('keeps the uptime threshold honest: 6 days of 99.5 and 1 of 99.6 is above 99.5, 7 × 99.5 is not', () => {
    expect(monthlyMetrics('ada', '2026-11', [report('2026-W47', 99.5)]).uptimePercent).toBe(99.5);
    expect(
      monthlyMetrics('ada', '2026-11', [report('2026-W48', 99.5), report('2026-W49', 99.6)]).uptimePercent,
    ).toBeGreaterThan(99.5);
  });

  // Stored before `/report` was bounded: two weeks of 2^53 - 1 tasks made the month's sum unsafe
  // and every payroll of the month failed to open.
  it('scales a week stored beyond the bound down to a million tasks, its completed share kept, so the month still sums', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const metrics = monthlyMetrics('alice', '2026-11', [
      report('2026-W46', 99.9, huge, huge),
      report('2026-W47', 99.9, Math.floor(huge / 4), huge),
      report('2026-W48', 99.9, 90, 100),
    ]);
    expect(metrics.tasksDispatched).toBe(2_000_100);
    expect(metrics.tasksCompleted).toBe(1_000_000 + 249_999 + 90);
    expect(() => monthlyMetricsSchema.parse(metrics)).not.toThrow();
  });

  it('refuses a malformed month', () => {
    expect(() => monthlyMetrics('ada', '2026-13', [])).toThrow(RangeError);
  });

  const weeklyReports = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 40 }).chain((offsets) =>
    fc.tuple(
      ...offsets.map((offset) =>
        fc
          .record({
            uptime: fc.double({ min: 0, max: 100, noNaN: true }),
            dispatched: fc.nat(1000),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
          })
          .map(({ uptime, dispatched, share }) =>
            report(addIsoWeeks('2025-W40', offset), uptime, Math.floor(dispatched * share), dispatched),
          ),
      ),
    ),
  );

  it('counts every week’s tasks in exactly one month (property)', () => {
    fc.assert(
      fc.property(weeklyReports, (reports) => {
        const months = Array.from({ length: 32 }, (_, i) => addMonthsTo('2025-09', i));
        const all = months.map((month) => monthlyMetrics('ada', month, reports));
        const sum = (key: 'tasksCompleted' | 'tasksDispatched') =>
          all.reduce((total, m) => total + m[key], 0);
        expect(sum('tasksCompleted')).toBe(reports.reduce((total, r) => total + r.tasksCompleted, 0));
        expect(sum('tasksDispatched')).toBe(reports.reduce((total, r) => total + r.tasksDispatched, 0));
        const days = all.reduce((total, m) => total + m.reportedDays, 0);
        expect(days).toBe(reports.length * 7);
      }),
    );
  });

  it('keeps the monthly uptime between the lowest and highest overlapping report (property)', () => {
    fc.assert(
      fc.property(weeklyReports, fc.integer({ min: 0, max: 31 }), (reports, index) => {
        const month = addMonthsTo('2025-09', index);
        const metrics = monthlyMetrics('ada', month, reports);
        const overlapping = reports.filter((r) => isoWeekDays(r.week).some((d) => d.startsWith(month)));
        if (overlapping.length === 0) {
          expect(metrics.uptimePercent).toBeUndefined();
          return;
        }
        const values = overlapping.map((r) => r.uptimePercent);
        expect(metrics.uptimePercent).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(metrics.uptimePercent).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }),
    );
  });
});
