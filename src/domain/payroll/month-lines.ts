import type { OperatorHistory } from '../history/events.js';
import { type Stint, segments, type Timeline, timeline, valueOn } from '../history/timeline.js';
import { type Day, dayParts, isoDay } from '../time/day.js';
import type { MonthCalendar } from '../time/month.js';
import type { PayrollOperator } from './inputs.js';
import { loginKey } from './logins.js';
import type { ActivePeriod, Ending } from './period.js';

/** One stint's part of the month: the record as it stood then, and the days. */
export interface MonthLine {
  record: PayrollOperator;
  period: ActivePeriod;
}

const monthNumber = (day: Day) => {
  const { year, month } = dayParts(day);
  return year * 12 + month - 1;
};

/**
 * The operator's lines of the month, one per stint active on at least one of its days, in day
 * order. A function of the history alone: events recorded later can only reach back as far as
 * `earliestEffectiveDay` allows, so a closed month keeps its lines. The record of each line has
 * the wallet and node count in effect on the line's last active day.
 */
export function monthLines(history: OperatorHistory, calendar: MonthCalendar): MonthLine[] {
  const read = timeline(history);
  const lines: MonthLine[] = [];
  // A day is paid once: a stint activated on the last day of the one before starts the day after.
  let paidThrough = Number.NEGATIVE_INFINITY;
  for (const stint of read.stints) {
    const lastDay = stintLastDay(stint, calendar);
    const firstDay = Math.max(stint.activatedDay, calendar.firstDay, paidThrough + 1);
    const periodLast = Math.min(lastDay, calendar.lastDay);
    // An undated end (a record from before the history) is held and says nothing of its days.
    if (stint.end?.lastDay !== undefined) paidThrough = Math.max(paidThrough, stint.end.lastDay);
    if (firstDay > periodLast) continue;
    const ending = endingOf(stint, calendar);
    const key =
      lines.length === 0 ? loginKey(history.login) : `${loginKey(history.login)}@${isoDay(firstDay)}`;
    const nodeSegments = segments(read.nodes, firstDay, periodLast, stint.activated.nodes).map((part) => ({
      first: part.first,
      last: part.last,
      nodes: part.value,
    }));
    const period: ActivePeriod = {
      activatedDay: stint.activatedDay,
      firstDay,
      lastDay: periodLast,
      activeDays: periodLast - firstDay + 1,
      ending,
      status: statusOf(stint, ending, periodLast),
      key,
      nodeSegments,
      activeMonthIndex: activeMonthIndex(read, calendar),
    };
    lines.push({ record: recordOf(read, stint, period), period });
  }
  return lines;
}

/** The stint's last active day as far as this month can know; open (or undated) stints run past it. */
function stintLastDay(stint: Stint, calendar: MonthCalendar): Day {
  return stint.end?.lastDay ?? calendar.lastDay;
}

function endingOf(stint: Stint, calendar: MonthCalendar): Ending {
  const end = stint.end;
  if (end === undefined) return 'none';
  if (end.lastDay === undefined) return 'missing-end-date';
  if (end.lastDay > calendar.lastDay) return 'none';
  return end.kind === 'terminated' ? 'terminated-for-cause' : 'exit';
}

/** Exited/terminated in the month it ends; exiting once the notice was given; else active. */
function statusOf(stint: Stint, ending: Ending, lastDay: Day): ActivePeriod['status'] {
  if (ending === 'exit') return 'exited';
  if (ending === 'terminated-for-cause') return 'terminated';
  if (ending === 'missing-end-date') return stint.end?.kind ?? 'active';
  if (stint.noticeDay !== undefined && stint.noticeDay <= lastDay) return 'exiting';
  return 'active';
}

/** Calendar months with at least one active day, over all stints, up to and including this one. */
function activeMonthIndex(read: Timeline, calendar: MonthCalendar): number {
  const current = monthNumber(calendar.firstDay);
  const months = new Set<number>();
  for (const stint of read.stints) {
    const from = monthNumber(stint.activatedDay);
    const to = Math.min(monthNumber(stintLastDay(stint, calendar)), current);
    for (let month = from; month <= to; month++) months.add(month);
  }
  return months.size;
}

function recordOf(read: Timeline, stint: Stint, period: ActivePeriod): PayrollOperator {
  const { activated, end } = stint;
  const wallet = valueOn(read.wallets, period.lastDay) ?? {
    wallet: activated.wallet,
    chain: activated.chain,
  };
  return {
    login: read.login,
    handle: activated.handle,
    wallet: wallet.wallet,
    chain: wallet.chain,
    nodes: period.nodeSegments.at(-1)?.nodes ?? activated.nodes,
    region: activated.region,
    activatedAt: activated.at,
    ...(activated.mentor === undefined ? {} : { mentor: activated.mentor }),
    ...(activated.referrer === undefined ? {} : { referrer: activated.referrer }),
    status: end?.kind ?? (stint.noticeDay === undefined ? 'active' : 'exiting'),
    ...(end?.lastDayAt === undefined ? {} : { endedAt: end.lastDayAt }),
    applicationIssue: activated.applicationIssue,
  };
}
