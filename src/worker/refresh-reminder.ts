import { reminderKey } from '../domain/reports/weekly-reminder.js';
import type { ProgramIssues } from '../gitea/program-issues.js';
import type { ScheduleJobData } from '../schedules/runner.js';

/** Refreshes the reminder issue of an ISO week (`2026-W47`) after a report for it was stored. */
export type ReminderRefresher = (week: string) => Promise<void>;

/**
 * A report for a week whose reminder issue is open takes its author off that issue's list: the
 * week's reminder runs again (it edits the issue, and closes it once everyone reported). A week
 * with no reminder issue is left alone: a report never opens one (PROGRAM.md, "Weekly reports").
 */
export function createReminderRefresher(deps: {
  programIssues: Pick<ProgramIssues, 'exists'>;
  runSchedule: (job: ScheduleJobData) => Promise<void>;
}): ReminderRefresher {
  return async (week) => {
    if (await deps.programIssues.exists(reminderKey(week)))
      await deps.runSchedule({ schedule: 'weeklyReminder', week });
  };
}
