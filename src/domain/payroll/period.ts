import { type Day, type MonthCalendar, utcDay } from './calendar.js';
import type { PayrollOperator } from './inputs.js';

/**
 * How the operator's active time ends in this month:
 * - `none`: still active at the month's end;
 * - `exit`: its last active day (`endedAt`'s day) is in the month and it was not terminated;
 * - `terminated-for-cause`: `status: 'terminated'` with `endedAt` in the month;
 * - `missing-end-date`: `status` is exited/terminated but `endedAt` is missing; treated as active
 *   to the month's end, and the line is held.
 */
export type Ending = 'none' | 'exit' | 'terminated-for-cause' | 'missing-end-date';

/** The part of the month an operator was active in, both ends counted. */
export interface ActivePeriod {
  activatedDay: Day;
  firstDay: Day;
  lastDay: Day;
  activeDays: number;
  ending: Ending;
  status: 'active' | 'exiting' | 'exited' | 'terminated';
}

/**
 * Undefined when the operator was not active on any day of the month: activated after its last
 * day, or ended (`endedAt`, the last active day) before its first.
 */
export function activePeriod(record: PayrollOperator, calendar: MonthCalendar): ActivePeriod | undefined {
  const activatedDay = utcDay(record.activatedAt);
  const endedDay = record.endedAt === undefined ? undefined : utcDay(record.endedAt);
  if (activatedDay > calendar.lastDay) return undefined;
  if (endedDay !== undefined && endedDay < calendar.firstDay) return undefined;
  const firstDay = Math.max(activatedDay, calendar.firstDay);
  const lastDay = Math.min(endedDay ?? calendar.lastDay, calendar.lastDay);
  const endsThisMonth = endedDay !== undefined && endedDay <= calendar.lastDay;
  return {
    activatedDay,
    firstDay,
    lastDay,
    activeDays: lastDay - firstDay + 1,
    ending: ending(record, endsThisMonth),
    status: monthStatus(record, endsThisMonth),
  };
}

function ending(record: PayrollOperator, endsThisMonth: boolean): Ending {
  const ended = record.status === 'exited' || record.status === 'terminated';
  if (ended && record.endedAt === undefined) return 'missing-end-date';
  if (!endsThisMonth) return 'none';
  return record.status === 'terminated' ? 'terminated-for-cause' : 'exit';
}

/** The record's status as it was in this month: an end after the month was still ahead then. */
function monthStatus(record: PayrollOperator, endsThisMonth: boolean): ActivePeriod['status'] {
  if (endsThisMonth) return record.status === 'terminated' ? 'terminated' : 'exited';
  if (record.status === 'exiting') return 'exiting';
  if (record.endedAt === undefined && record.status !== 'active') return record.status;
  return 'active';
}
