import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReportCommand,
  formatReportReply,
  MAX_NOTE_LENGTH,
  parseReport,
  plainNumber,
  type WeeklyReport,
  weeklyReportSchema,
} from '../../../../src/domain/reports/index.js';
import { isoWeekEnd, isoWeekOf } from '../../../../src/domain/time/iso-week.js';

const FRAGMENTS = [
  '/report',
  '/ack',
  'uptime',
  'UPTIME',
  'tasks',
  'cpu',
  'mem',
  'memory',
  'ram',
  'disk',
  'week',
  'note',
  'notes',
  'foo',
  '__proto__',
  'constructor',
  '=',
  ':',
  '/',
  '%',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '- ',
  '**',
  '```',
  '99.7',
  '-1',
  '101',
  '42/44',
  '45/44',
  '1e3',
  '.5',
  '2026-W47',
  '2026-W53',
  '2025-W53',
  '2026w00',
  ',',
  '`',
  '@',
  '\u2028',
  '\u00a0',
];

const messyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 })), { maxLength: 30 })
    .map((parts) => parts.join('')),
);

const anyNow = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const note = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
    fc
      .array(fc.constantFrom(...FRAGMENTS, 'x', 'y'), { minLength: 1, maxLength: 20 })
      .map((parts) => parts.join('')),
  )
  .map((text) => text.replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0 && text.length <= MAX_NOTE_LENGTH);

/** A valid report and a `now` after its week ended. */
const reportAndNow = fc
  .record(
    {
      day: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      uptimePercent: percent,
      dispatched: fc.nat(1_000_000),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      cpuPercent: fc.option(percent, { nil: undefined }),
      memPercent: fc.option(percent, { nil: undefined }),
      diskPercent: fc.option(percent, { nil: undefined }),
      note: fc.option(note, { nil: undefined }),
      lateBy: fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }),
    },
    { requiredKeys: ['day', 'uptimePercent', 'dispatched', 'share', 'lateBy'] },
  )
  .map(({ day, dispatched, share, lateBy, ...rest }) => {
    const week = isoWeekOf(day);
    const report: WeeklyReport = {
      week,
      uptimePercent: rest.uptimePercent + 0,
      tasksCompleted: Math.floor(dispatched * share),
      tasksDispatched: dispatched,
    };
    for (const key of ['cpuPercent', 'memPercent', 'diskPercent'] as const) {
      const value = rest[key];
      if (value !== undefined) report[key] = value + 0;
    }
    if (rest.note !== undefined) report.note = rest.note;
    return { report, now: new Date(isoWeekEnd(week).getTime() + lateBy) };
  });

/** The multi-line form, as `fleet-metrics.sh --multiline` prints it. */
function multiLine(report: WeeklyReport): string {
  const lines = [
    '/report',
    `uptime: ${plainNumber(report.uptimePercent)}%`,
    `tasks: ${report.tasksCompleted}/${report.tasksDispatched}`,
  ];
  if (report.cpuPercent !== undefined) lines.push(`cpu: ${plainNumber(report.cpuPercent)}%`);
  if (report.memPercent !== undefined) lines.push(`mem: ${plainNumber(report.memPercent)}%`);
  if (report.diskPercent !== undefined) lines.push(`disk: ${plainNumber(report.diskPercent)}%`);
  lines.push(`week: ${report.week}`);
  if (report.note !== undefined) lines.push(`note: ${report.note}`);
  return lines.join('\r\n');
}

describe('parseReport properties', () => {
  it('never throws, and every answer is a valid report or named problems', () => {
    fc.assert(
      fc.property(messyText, anyNow, (text, now) => {
        const result = parseReport(text, now);
        if (result.ok) expect(weeklyReportSchema.safeParse(result.report).success).toBe(true);
        else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.field).not.toBe('');
            expect(problem.message).toMatch(/ — /);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a report formatted back as /report … to the same report (round trip)', () => {
    fc.assert(
      fc.property(reportAndNow, ({ report, now }) => {
        const command = formatReportCommand(report);
        expect(command).not.toContain('\n');
        expect(parseReport(command, now)).toEqual({ ok: true, report });
        expect(parseReport(command.replace(/^\/report /, ''), now)).toEqual({ ok: true, report });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the multi-line form to the same report', () => {
    fc.assert(
      fc.property(reportAndNow, ({ report, now }) => {
        expect(parseReport(multiLine(report), now)).toEqual({ ok: true, report });
      }),
      { numRuns: 500 },
    );
  });

  it('echoes any report in one paragraph that names its week', () => {
    fc.assert(
      fc.property(reportAndNow, fc.boolean(), ({ report }, replaced) => {
        const reply = formatReportReply(report, replaced);
        expect(reply).not.toMatch(/[\r\n]/);
        expect(reply).toContain(`**${report.week}**`);
        expect(reply.includes('replaces the earlier report')).toBe(replaced);
      }),
    );
  });
});

describe('task counts a report may give', () => {
  it("keep any month's sum of six weekly reports a safe integer (the payroll refuses more)", () => {
    const digits = fc.oneof(fc.nat().map(String), fc.bigInt({ min: 0n, max: 2n ** 53n }).map(String));
    fc.assert(
      fc.property(digits, digits, (completed, dispatched) => {
        const read = parseReport(
          `uptime=99 tasks=${completed}/${dispatched}`,
          new Date('2026-11-30T12:00:00Z'),
        );
        if (!read.ok) return;
        expect(Number.isSafeInteger(6 * read.report.tasksDispatched)).toBe(true);
        expect(Number.isSafeInteger(6 * read.report.tasksCompleted)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
