import type { OperatorRecord } from '../operator-record.js';
import { fullMonths } from '../payroll/tenure.js';
import { type Day, dayOf } from '../time/day.js';
import { measure } from './common.js';
import type { Dated, HealthTargets, Measure } from './types.js';

/**
 * Mentoring: operators active at the month's end with at least 6 full months of tenure by its
 * last day (`fullMonths`, as payroll's retention counts it: activated on 1 June → 6 at the end of
 * November) whom no registry record activated by then names as its `mentor`.
 */
export function withoutMenteeMeasure(
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
