import { isoDate } from '../time/day.js';
import {
  formatIsoWeek,
  isoWeekDays,
  isoWeekEnd,
  isoWeekOf,
  isoWeekStart,
  previousIsoWeek,
  weeksInYear,
} from '../time/iso-week.js';
import { KEY_USAGE } from './fields.js';
import { quote } from './quote.js';
import { MAX_WEEKLY_TASKS } from './schema.js';

/** A value read from a report, or why it cannot be used (a message that ends with how to fix it). */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export type PercentKey = 'uptime' | 'cpu' | 'mem' | 'disk';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const TASKS = /^(\d+)\s*\/\s*(\d+)$/;
const WEEK = /^(\d{4})-?W(\d{1,2})$/i;

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });
const clean = (text: string) => text.trim().replace(/\s*[,;]$/, '');

/** `99.7`, `99.7%`, `99.7 %`: a number from 0 to 100 (a decimal point, not a comma). */
export function readPercent(key: PercentKey, text: string): Read<number> {
  const written = clean(text).replace(/\s*%$/, '');
  if (written === '') return fail(`no value was given — ${KEY_USAGE[key]}.`);
  if (!NUMBER.test(written)) return fail(`${quote(text)} is not a number — ${KEY_USAGE[key]}.`);
  const value = Number(written) + 0; // + 0 turns -0 into 0
  if (value < 0) return fail(`${quote(written)} is below 0 — ${KEY_USAGE[key]}.`);
  if (value > 100) return fail(`${quote(written)} is more than 100 — ${KEY_USAGE[key]}.`);
  return ok(value);
}

/** `42/44`: completed and dispatched tasks, whole numbers up to `MAX_WEEKLY_TASKS`, completed ≤ dispatched. */
export function readTasks(text: string): Read<{ completed: number; dispatched: number }> {
  const written = clean(text);
  if (written === '') return fail(`no value was given — ${KEY_USAGE.tasks}.`);
  const match = TASKS.exec(written);
  if (!match) {
    const what = /^\d+$/.test(written) ? 'gives one number, not two' : 'is not two whole numbers';
    return fail(`${quote(written)} ${what} — ${KEY_USAGE.tasks}.`);
  }
  const completed = Number(match[1]);
  const dispatched = Number(match[2]);
  if (completed > MAX_WEEKLY_TASKS || dispatched > MAX_WEEKLY_TASKS) {
    return fail(
      `${quote(written)} is too large to be a task count (at most ${MAX_WEEKLY_TASKS.toLocaleString('en-US')} a week) — ${KEY_USAGE.tasks}.`,
    );
  }
  if (completed > dispatched) {
    return fail(
      `${completed} completed is more than ${dispatched} dispatched — write tasks=COMPLETED/DISPATCHED.`,
    );
  }
  return ok({ completed, dispatched });
}

/**
 * `2026-W47` (also `2026w47`, `2026-W7`): an existing ISO week that has ended by `now`. The
 * week holding `now` is refused too: a report covers a finished week.
 */
export function readWeek(text: string, now: Date): Read<string> {
  const written = clean(text);
  if (written === '') return fail(`no value was given — ${KEY_USAGE.week}.`);
  const match = WEEK.exec(written);
  if (!match) return fail(`${quote(written)} is not an ISO week — ${KEY_USAGE.week}.`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) {
    return fail(
      `${quote(written)} does not exist: ISO weeks run from W01 to W52 or W53 — ${KEY_USAGE.week}.`,
    );
  }
  if (number > weeksInYear(year)) {
    return fail(`${year} has only 52 ISO weeks, so ${year}-W53 does not exist — ${KEY_USAGE.week}.`);
  }
  const week = formatIsoWeek({ year, week: number });
  const current = isoWeekOf(now);
  const example = `e.g. week=${previousIsoWeek(now)}, or leave week out for the previous week`;
  if (isoWeekStart(week).getTime() > isoWeekStart(current).getTime()) {
    return fail(`${week} is in the future — report a finished week, ${example}.`);
  }
  if (week === current) {
    const sunday = isoWeekDays(week)[6];
    const monday = isoDate(isoWeekEnd(week));
    return fail(
      `${week} has not ended yet (it ends on Sunday ${sunday}) — a report covers a finished week: send this one from Monday ${monday}, or report an earlier week, ${example}.`,
    );
  }
  return ok(week);
}
