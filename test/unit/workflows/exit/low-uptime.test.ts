import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { StoredReport } from '../../../../src/domain/reports/stored.js';
import { isoWeekMonth, isoWeeksOverlappingMonth } from '../../../../src/domain/time/iso-week.js';
import { lowUptimeProposals } from '../../../../src/workflows/exit/low-uptime.js';
import { activeOperator } from '../../../support/workflows.js';

const config = defaultProgramConfig();
const reportsAt = (uptimeByMonth: Record<string, number>): StoredReport[] =>
  Object.entries(uptimeByMonth).flatMap(([month, uptimePercent]) =>
    isoWeeksOverlappingMonth(month)
      .filter((week) => isoWeekMonth(week) === month)
      .map((week) => ({
        report: { week, uptimePercent, tasksCompleted: 1, tasksDispatched: 1 },
        source: { issue: 'fleet/program#1', commentId: 1, at: '2026-12-01T00:00:00.000Z' },
      })),
  );
const proposals = (uptimes: Record<string, number>) =>
  lowUptimeProposals(
    '2026-11',
    [activeOperator('bob')],
    () => reportsAt(uptimes),
    config,
    '2026-12-01T06:00:00.000Z',
  );

describe('PROGRAM.md "Exit": uptime below 97% for three consecutive months proposes a termination', () => {
  it('proposes a termination after three months under 97% uptime', () => {
    const effects = proposals({ '2026-09': 96.9, '2026-10': 96.9, '2026-11': 96.9 });
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({
      type: 'openProgramIssue',
      key: 'termination-uptime-bob-2026-11',
      start: true,
      issue: { title: 'Termination proposed: @bob' },
    });
  });

  it.each([
    ['97.0 in one month breaks the streak', { '2026-09': 96.9, '2026-10': 97.0, '2026-11': 96.9 }],
    ['a month without reports breaks it', { '2026-09': 96.9, '2026-11': 96.9 }],
    ['a good month before two bad ones', { '2026-09': 99.9, '2026-10': 96.9, '2026-11': 96.9 }],
  ])('does not propose when %s', (_why, uptimes) => {
    expect(proposals(uptimes)).toEqual([]);
  });

  it('asks nothing of operators who are not active', () => {
    const bad = { '2026-09': 50, '2026-10': 50, '2026-11': 50 };
    const effects = lowUptimeProposals(
      '2026-11',
      [activeOperator('bob', { status: 'exiting' })],
      () => reportsAt(bad),
      config,
      '2026-12-01T06:00:00.000Z',
    );
    expect(effects).toEqual([]);
  });
});
