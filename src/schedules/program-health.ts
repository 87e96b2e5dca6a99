import { type Day, isoDay, monthCalendar, utcDay } from '../domain/payroll/calendar.js';
import { parseInstantMs } from '../domain/payroll/instants.js';
import { fullMonths } from '../domain/payroll/tenure.js';
import type { OperatorRecord } from '../domain/registry.js';
import { addMonthsTo, isoWeekEnd, isoWeekStart, monthlyMetrics, monthOf } from '../domain/reports/index.js';
import { requireMonth } from '../domain/reports/month.js';
import type { StoredReport } from '../domain/reports/stored.js';
import { escapeText, trusted } from '../domain/text/markdown.js';
import type { Render } from '../engine/module.js';
import type { ProgramIssue } from '../gitea/program-issues.js';

/**
 * The targets of PROGRAM.md "Program health" (the seed's success criteria). The program config
 * has no keys for them yet, so they are a parameter with these defaults.
 */
export type HealthTargets = {
  /** Active certified operators at the month's end, both bounds included. */
  activeOperators: { min: number; max: number };
  /** Trailing-12-month churn must stay strictly below this percentage. */
  churnBelowPercent: number;
  /** Fleet uptime must be strictly above this percentage. */
  uptimeAbovePercent: number;
  /** Referred applications must be strictly more than this share (percent) of the month's applications. */
  partnerShareAbovePercent: number;
  /** Succession: every region should have at least this many active operators. */
  minOperatorsPerRegion: number;
  /** Each operator should have mentored a junior after this many full months of tenure. */
  menteeWithinMonths: number;
};

export const DEFAULT_HEALTH_TARGETS: HealthTargets = {
  activeOperators: { min: 3, max: 5 },
  churnBelowPercent: 10,
  uptimeAbovePercent: 99.5,
  partnerShareAbovePercent: 30,
  minOperatorsPerRegion: 2,
  menteeWithinMonths: 6,
};

/** An operator application as the report needs it: who, when (ISO instant), referred by whom. */
export type HealthApplication = { login: string; openedAt: string; referredBy?: string };

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
  /** Overrides of `DEFAULT_HEALTH_TARGETS`. */
  targets?: Partial<HealthTargets>;
};

export type MeasureId =
  | 'activeOperators'
  | 'churn'
  | 'fleetUptime'
  | 'partnerShare'
  | 'thinRegions'
  | 'withoutMentee';

export type Measure = {
  id: MeasureId;
  /** What is measured, as the table shows it. */
  name: string;
  /** The measured value as shown (`4`, `9.9% (10 left ÷ 101 active on average)`, `n/a …`). */
  value: string;
  /** The number behind `value`: a count or a percentage; undefined when it cannot be measured. */
  amount?: number;
  /** The target as shown (`3–5`, `< 10%`, `none`). */
  target: string;
  /** The target is met. A measure that cannot be computed (`n/a`) is not met: nothing shows it is. */
  ok: boolean;
  status: '✅' | '⚠️';
  /** The list behind the value (leavers, missing reports, thin regions, operators without a mentee). */
  items: string[];
  /** The heading of `items` in the report. */
  itemsTitle: string;
  /** How the value is computed, for the report's footnote. */
  definition: string;
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
  const targets = { ...DEFAULT_HEALTH_TARGETS, ...input.targets };
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

// ── Measures ────────────────────────────────────────────────────────────────────────────────────

type Period = { from: Day; to?: Day };
type Dated = { record: OperatorRecord; period: Period | undefined };

function activeOperatorsMeasure(activeAtEnd: OperatorRecord[], targets: HealthTargets): Measure {
  const { min, max } = targets.activeOperators;
  const count = activeAtEnd.length;
  return measure({
    id: 'activeOperators',
    name: 'Active certified operators',
    value: String(count),
    amount: count,
    target: min === max ? `${min}` : `${min}–${max}`,
    ok: count >= min && count <= max,
    items: [],
    itemsTitle: 'Active operators',
    definition: 'operators on the program after the last day of the month (those in their notice included).',
  });
}

/**
 * Churn over the 12 months ending with `month`: operators whose last active day (`endedAt`, status
 * exited or terminated) falls in those 12 months, divided by the average number of active
 * operators, sampled at each of the 12 month ends. Sampling every month end (rather than the
 * window's start, or start and end) keeps a growing program from dividing by zero or by a fleet
 * that no longer exists. No active operator at any month end → `n/a`.
 */
function churnMeasure(month: string, periods: Dated[], targets: HealthTargets): Measure {
  const firstMonth = addMonthsTo(month, -11);
  const windowStart = monthCalendar(firstMonth).firstDay;
  const windowEnd = monthCalendar(month).lastDay;
  const leavers = periods
    .filter(({ record, period }) => {
      if (record.status !== 'exited' && record.status !== 'terminated') return false;
      return period?.to !== undefined && period.to >= windowStart && period.to <= windowEnd;
    })
    .sort((a, b) => (a.period?.to ?? 0) - (b.period?.to ?? 0) || byLogin(a.record, b.record));
  const monthEnds = Array.from({ length: 12 }, (_, i) => monthCalendar(addMonthsTo(firstMonth, i)).lastDay);
  const average =
    monthEnds
      .map((day) => periods.filter(({ period }) => period && activeAfter(period, day)).length)
      .reduce((sum, count) => sum + count, 0) / monthEnds.length;
  const base = {
    id: 'churn' as const,
    name: `Churn, trailing 12 months (${firstMonth} – ${month})`,
    target: `< ${formatNumber(targets.churnBelowPercent)}%`,
    items: leavers.map(
      ({ record, period }) => `@${record.login} — ${record.status} on ${isoDay(period?.to ?? windowEnd)}`,
    ),
    itemsTitle: 'Operators who left in the last 12 months',
    definition:
      'operators who exited or were terminated (last active day) in the 12 months ÷ the average number of active operators at those 12 month ends.',
  };
  if (average === 0) {
    return measure({
      ...base,
      value: `n/a (no active operators; ${leavers.length} left)`,
      ok: false,
    });
  }
  const percent = round((100 * leavers.length) / average);
  return measure({
    ...base,
    value: `${formatNumber(percent)}% (${leavers.length} left ÷ ${formatNumber(average, 1)} active on average)`,
    amount: percent,
    ok: percent < targets.churnBelowPercent,
  });
}

/**
 * Fleet uptime: the node-day-weighted mean of the monthly uptime (`monthlyMetrics`) of every
 * operator on the program on at least one day of the month — each operator's uptime weighs its
 * node count × the days of the month its reports cover, so a 10-node operator counts ten times a
 * 1-node one, as the fleet's nodes do. Operators without any report covering the month are left
 * out of the mean and listed, as is every week missing within an operator's active days (weeks
 * that ended by the month's end; the one straddling it is not due when the report runs).
 */
function fleetUptimeMeasure(
  month: string,
  periods: Dated[],
  reportsOf: ProgramHealthInput['reportsOf'],
  targets: HealthTargets,
): Measure {
  const calendar = monthCalendar(month);
  let weighted = 0;
  let weight = 0;
  let counted = 0;
  const missing: string[] = [];
  const inMonth = periods
    .filter(({ period }) => period && activeOnAnyDay(period, calendar.firstDay, calendar.lastDay))
    .sort((a, b) => byLogin(a.record, b.record));
  for (const { record, period } of inMonth) {
    const metrics = monthlyMetrics(
      record.login,
      month,
      reportsOf(record.login).map((stored) => stored.report),
    );
    const from = Math.max(period?.from ?? calendar.firstDay, calendar.firstDay);
    const to = Math.min(period?.to ?? calendar.lastDay, calendar.lastDay);
    // Weeks the operator was active in that had ended by the month's end: the week straddling
    // the end is not due yet when the report runs on the 1st (its report still counts if sent).
    const weeks = metrics.missingWeeks.filter(
      (week) =>
        dayOfDate(isoWeekStart(week)) <= to &&
        dayOfDate(isoWeekEnd(week)) - 1 >= from &&
        dayOfDate(isoWeekEnd(week)) <= calendar.lastDay + 1,
    );
    if (metrics.uptimePercent === undefined) {
      missing.push(
        `@${record.login} — no report for ${month}${weeks.length ? ` (${weeks.join(', ')})` : ''}, left out of the fleet uptime`,
      );
      continue;
    }
    if (weeks.length > 0) missing.push(`@${record.login} — ${weeks.join(', ')}`);
    const w = record.nodes * metrics.reportedDays;
    weighted += metrics.uptimePercent * w;
    weight += w;
    if (w > 0) counted += 1;
  }
  const base = {
    id: 'fleetUptime' as const,
    name: 'Fleet uptime',
    target: `> ${formatNumber(targets.uptimeAbovePercent)}%`,
    items: missing,
    itemsTitle: 'Missing weekly reports',
    definition:
      "mean of each active operator's monthly uptime (day-weighted weekly reports), weighted by nodes × days reported; operators without a report are left out and listed.",
  };
  if (weight === 0) return measure({ ...base, value: 'n/a (no reports for the month)', ok: false });
  const percent = round(weighted / weight);
  return measure({
    ...base,
    value: `${formatNumber(percent, 3)}% (${counted} of ${inMonth.length} operators reported)`,
    amount: percent,
    ok: percent > targets.uptimeAbovePercent,
  });
}

/**
 * Partner share: of the people who opened an application in the month (UTC; one person counts
 * once however many applications they opened), those referred by a partner (`referredBy`).
 * No application in the month → `n/a`.
 */
function partnerShareMeasure(
  month: string,
  applications: readonly HealthApplication[],
  targets: HealthTargets,
): Measure {
  const leads = new Map<string, { login: string; referredBy?: string }>();
  for (const application of applications) {
    const ms = parseInstantMs(application.openedAt);
    if (ms === undefined || monthOf(new Date(ms)) !== month) continue;
    const key = application.login.toLowerCase();
    const referredBy = application.referredBy?.trim().replace(/^@/, '') || undefined;
    const known = leads.get(key);
    leads.set(key, { login: known?.login ?? application.login, referredBy: known?.referredBy ?? referredBy });
  }
  const referred = [...leads.values()].filter((lead) => lead.referredBy !== undefined);
  const base = {
    id: 'partnerShare' as const,
    name: 'Partner share of new applications',
    target: `> ${formatNumber(targets.partnerShareAbovePercent)}%`,
    items: referred
      .sort((a, b) => a.login.localeCompare(b.login))
      .map((lead) => `@${lead.login} — referred by @${lead.referredBy}`),
    itemsTitle: 'Referred applications',
    definition:
      'applicants of the month referred by a partner ÷ all applicants of the month (each person once).',
  };
  if (leads.size === 0) return measure({ ...base, value: 'n/a (no applications)', ok: false });
  const percent = round((100 * referred.length) / leads.size);
  return measure({
    ...base,
    value: `${formatNumber(percent)}% (${referred.length} of ${leads.size})`,
    amount: percent,
    ok: percent > targets.partnerShareAbovePercent,
  });
}

/**
 * Succession: regions (the registry's `region`, compared case-insensitively) with fewer than 2
 * operators active at the month's end. The regions looked at are those of every operator on
 * the program at some time in the last 12 months, so a region that just lost its last operator
 * shows with 0 for a year rather than disappearing.
 */
function thinRegionsMeasure(
  month: string,
  periods: Dated[],
  activeAtEnd: OperatorRecord[],
  targets: HealthTargets,
): Measure {
  const windowStart = monthCalendar(addMonthsTo(month, -11)).firstDay;
  const windowEnd = monthCalendar(month).lastDay;
  const regions = new Map<string, { name: string; logins: string[] }>();
  for (const { record, period } of periods) {
    if (!period || !activeOnAnyDay(period, windowStart, windowEnd)) continue;
    const name = record.region.trim() || '(no region)';
    if (!regions.has(name.toLowerCase())) regions.set(name.toLowerCase(), { name, logins: [] });
  }
  for (const record of activeAtEnd) {
    const name = record.region.trim() || '(no region)';
    regions.get(name.toLowerCase())?.logins.push(record.login);
  }
  const thin = [...regions.values()]
    .filter((region) => region.logins.length < targets.minOperatorsPerRegion)
    .sort((a, b) => a.name.localeCompare(b.name));
  return measure({
    id: 'thinRegions',
    name: `Regions with fewer than ${targets.minOperatorsPerRegion} active operators`,
    value: thin.length === 0 ? 'none' : `${thin.length} of ${regions.size}`,
    amount: thin.length,
    target: 'none',
    ok: thin.length === 0,
    items: thin.map(
      (region) =>
        `${escapeText(region.name, 80)} — ${region.logins.length === 0 ? 'no active operator' : region.logins.map((l) => `@${l}`).join(', ')}`,
    ),
    itemsTitle: `Regions with fewer than ${targets.minOperatorsPerRegion} active operators`,
    definition:
      'regions of the operators on the program in the last 12 months, counting the operators active at the end of the month.',
  });
}

/**
 * Mentoring: operators active at the month's end with at least 6 full months of tenure by its
 * last day (`fullMonths`, as payroll's retention counts it: activated on 1 June → 6 at the end of
 * November) whom no registry record activated by then names as its `mentor`.
 */
function withoutMenteeMeasure(
  lastDay: Day,
  periods: Dated[],
  activeAtEnd: OperatorRecord[],
  targets: HealthTargets,
): Measure {
  const mentors = new Set(
    periods
      .filter(({ record, period }) => period && period.from <= lastDay && record.mentor)
      .map(({ record }) => (record.mentor ?? '').trim().replace(/^@/, '').toLowerCase()),
  );
  const senior = activeAtEnd.filter((record) => {
    const from = dayOf(record.activatedAt);
    return from !== undefined && fullMonths(from, lastDay) >= targets.menteeWithinMonths;
  });
  const without = senior.filter((record) => !mentors.has(record.login.toLowerCase()));
  return measure({
    id: 'withoutMentee',
    name: `Operators without a mentee after ${targets.menteeWithinMonths} months`,
    value: without.length === 0 ? 'none' : `${without.length} of ${senior.length}`,
    amount: without.length,
    target: 'none',
    ok: without.length === 0,
    items: without.map((record) => `@${record.login} — active since ${record.activatedAt.slice(0, 10)}`),
    itemsTitle: `Operators without a mentee after ${targets.menteeWithinMonths} months`,
    definition: `active operators with at least ${targets.menteeWithinMonths} full months of tenure whom no operator in the registry names as mentor.`,
  });
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────

function measure(fields: Omit<Measure, 'status'>): Measure {
  return { ...fields, status: fields.ok ? '✅' : '⚠️' };
}

/** The days an operator is on the program; undefined when it never was (or its dates do not parse). */
function periodOf(record: OperatorRecord): Period | undefined {
  const from = dayOf(record.activatedAt);
  if (from === undefined) return undefined;
  if (record.endedAt !== undefined) {
    const to = dayOf(record.endedAt);
    return to === undefined || to < from ? undefined : { from, to };
  }
  if (record.status === 'active' || record.status === 'exiting') return { from };
  return undefined;
}

/** On the program after `day`: activated by then and not ended on or before it. */
const activeAfter = (period: Period, day: Day) =>
  period.from <= day && (period.to === undefined || period.to > day);

const activeOnAnyDay = (period: Period, first: Day, last: Day) =>
  period.from <= last && (period.to === undefined || period.to >= first);

function dayOf(iso: string): Day | undefined {
  return parseInstantMs(iso) === undefined ? undefined : utcDay(iso);
}

const dayOfDate = (date: Date): Day => utcDay(date.toISOString());

const byLogin = (a: OperatorRecord, b: OperatorRecord) => a.login.localeCompare(b.login);

/** Rounded to 9 decimals so floating-point noise cannot cross a threshold (as `monthlyMetrics`). */
const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** At most `digits` decimals, trailing zeros dropped: 9.90099 → `9.9`, 100 → `100`. */
const formatNumber = (value: number, digits = 2) => String(Number(value.toFixed(digits)));
