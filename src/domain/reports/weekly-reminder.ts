import type { ProgramConfig } from '../../config/program.js';
import type { Render } from '../../engine/module.js';
import type { ProgramIssue } from '../../gitea/program-issues.js';
import type { OperatorRecord } from '../operator-record.js';
import { formatWeeklyAt } from '../time/format.js';
import { isoWeekDays, isoWeekEnd, previousIsoWeek } from '../time/iso-week.js';

export type WeeklyReminder = { key: string; week: string; missing: string[]; issue?: ProgramIssue };

/** The program issue of one week's reminders. */
export const reminderKey = (week: string) => `weekly-reports-${week}`;

/**
 * Who has not reported the week before `now`: every operator on the program (active or in their
 * notice) who was active before that week ended. Pure: the caller gives the registry and the weeks
 * each operator reported. The due time is the config's `reports.dueWeekly`; once everyone has
 * reported, the issue is closed (`state: 'closed'`).
 */
export function weeklyReminder(
  now: Date,
  operators: readonly OperatorRecord[],
  reportedWeeks: ReadonlyMap<string, ReadonlySet<string>>,
  render: Render,
  alreadyOpened: boolean,
  config: ProgramConfig,
): WeeklyReminder {
  const week = previousIsoWeek(now);
  const weekEnd = isoWeekEnd(week).toISOString();
  const missing = operators
    .filter((o) => (o.status === 'active' || o.status === 'exiting') && o.activatedAt < weekEnd)
    .filter((o) => !reportedWeeks.get(o.login.toLowerCase())?.has(week))
    .map((o) => o.login)
    .sort((a, b) => a.localeCompare(b));
  const key = reminderKey(week);
  if (missing.length === 0 && !alreadyOpened) return { key, week, missing };
  const days = isoWeekDays(week);
  const body = render('weekly-reminder', {
    week,
    from: days[0],
    to: days[6],
    missing: missing.map((login) => ({ login })),
    anyMissing: missing.length > 0,
    due: formatWeeklyAt(config.reports.dueWeekly),
  });
  const issue: ProgramIssue = { title: `Weekly reports ${week}`, body, labels: ['reports'] };
  return { key, week, missing, issue: missing.length === 0 ? { ...issue, state: 'closed' } : issue };
}
