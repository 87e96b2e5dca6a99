import type { Render } from '../../engine/module.js';
import type { ProgramIssue } from '../../gitea/program-issues.js';
import { trusted } from '../markdown/compose.js';
import type { OperatorRecord } from '../operator-record.js';
import type { StoredReport } from '../reports/stored.js';
import { isoDay } from '../time/day.js';
import { monthCalendar, requireMonth } from '../time/month.js';
import { activeOperatorsMeasure } from './active-operators.js';
import { churnMeasure } from './churn.js';
import { activeAfter, byLogin, periodOf } from './common.js';
import { fleetUptimeMeasure } from './fleet-uptime.js';
import { partnerShareMeasure } from './partner-share.js';
import { thinRegionsMeasure } from './thin-regions.js';
import type { HealthApplication, HealthTargets, Measure } from './types.js';
import { withoutMenteeMeasure } from './without-mentee.js';

export type { HealthApplication, HealthTargets, Measure, MeasureId } from './types.js';

export type ProgramHealthInput = {
  /** The month measured, `YYYY-MM` (the report opened on the 1st measures the month before). */
  month: string;
  /** The whole registry, including operators who left. */
  operators: readonly OperatorRecord[];
  /** An operator's stored weekly reports (any weeks; those outside the month are ignored). */
  reportsOf: (login: string) => readonly StoredReport[];
  /** Operator applications (any months; those opened outside the month are ignored). */
  applications: readonly HealthApplication[];
  render: Render;
  /** The targets: the program config's `health` section. */
  targets: HealthTargets;
};

export type ProgramHealth = {
  /** The program issue's key: `program-report-YYYY-MM`. */
  key: string;
  issue: ProgramIssue;
  measures: Measure[];
};

/** The program issue of one month's report. */
export const programReportKey = (month: string) => `program-report-${month}`;

/**
 * The month's program report (PROGRAM.md "Program health"): each success criterion measured
 * with its value, target and ✅/⚠️. Pure: the caller gives the registry, the reports and the
 * applications; no clock is read. Throws a RangeError on a malformed month.
 *
 * Who counts as active: an operator is on the program from their activation day through their
 * last active day (`endedAt`; `active` and `exiting` records without one are still on it, an
 * `exited`/`terminated` record without one is treated as gone with no known date). "Active at
 * the month's end" means still on the program after the month's last day: an operator whose last
 * day is the 30th of November is not active at the end of November. Operators in their notice
 * period (`exiting`) are still active certified operators.
 */
export function programHealth(input: ProgramHealthInput): ProgramHealth {
  const { month, operators } = input;
  requireMonth(month);
  const { targets } = input;
  const calendar = monthCalendar(month);
  const periods = operators.map((record) => ({ record, period: periodOf(record) }));
  const activeAtEnd = periods
    .filter(({ period }) => period && activeAfter(period, calendar.lastDay))
    .map(({ record }) => record)
    .sort(byLogin);

  const measures = [
    activeOperatorsMeasure(activeAtEnd, targets),
    churnMeasure(month, periods, targets),
    fleetUptimeMeasure(month, periods, input.reportsOf, targets),
    partnerShareMeasure(month, input.applications, targets),
    thinRegionsMeasure(month, periods, activeAtEnd, targets),
    withoutMenteeMeasure(calendar.lastDay, periods, activeAtEnd, targets),
  ];
  const body = input.render('program-health', {
    month,
    from: isoDay(calendar.firstDay),
    to: isoDay(calendar.lastDay),
    // Every measure is the bot's text; the one piece a person wrote, a region's name, is escaped where it is put in.
    measures: measures.map((m) => ({
      ...m,
      value: trusted(m.value),
      target: trusted(m.target),
      definition: trusted(m.definition),
    })),
    lists: measures
      .filter((m) => m.items.length > 0)
      .map((m) => ({ title: m.itemsTitle, items: m.items.map(trusted) })),
    allOk: measures.every((m) => m.ok),
    warnings: measures.filter((m) => !m.ok).length,
    total: measures.length,
  });
  return {
    key: programReportKey(month),
    issue: { title: `Program report ${month}`, body, labels: ['program-report'] },
    measures,
  };
}
