import type { Logger } from 'pino';
import { isoWeekStart, previousIsoWeek } from '../domain/reports/index.js';
import type { Render } from '../engine/module.js';
import type { ProgramIssues } from '../gitea/program-issues.js';
import type { RegistryStore } from '../store/registry.js';
import type { ReportStore } from '../store/reports.js';
import { reminderKey, weeklyReminder } from './weekly-reminder.js';

export const SCHEDULES = ['weeklyReminder'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];
/** A scheduled run: fired by a job scheduler at `firedAt`, or for a given `week` when a late report arrives. */
export type ScheduleJobData = { schedule: ScheduleName; firedAt?: string; week?: string };

export type ScheduleDeps = {
  registry: RegistryStore;
  reports: ReportStore;
  programIssues: ProgramIssues;
  render: Render;
  log: Logger;
};

/** Runs a scheduled task; each is idempotent (it opens or edits one program issue per period). */
export function createScheduleRunner(deps: ScheduleDeps) {
  return async function runSchedule(job: ScheduleJobData): Promise<void> {
    switch (job.schedule) {
      case 'weeklyReminder':
        return remindWeekly(job.week ? nextMonday(job.week) : new Date(job.firedAt ?? Date.now()));
    }
  };

  async function remindWeekly(now: Date) {
    const operators = await deps.registry.all();
    const reported = new Map<string, Set<string>>();
    for (const operator of operators) {
      const weeks = (await deps.reports.of(operator.login)).map((r) => r.report.week);
      reported.set(operator.login.toLowerCase(), new Set(weeks));
    }
    const opened = await deps.programIssues.exists(reminderKey(previousIsoWeek(now)));
    const reminder = weeklyReminder(now, operators, reported, deps.render, opened);
    if (!reminder.issue) return;
    const number = await deps.programIssues.upsert(reminder.key, reminder.issue);
    deps.log.info(
      { week: reminder.week, missing: reminder.missing.length, issue: number },
      'weekly reminder',
    );
  }
}

/** The Monday after `week`: "now" for a reminder about that week. */
const nextMonday = (week: string) => new Date(isoWeekStart(week).getTime() + 7 * 86_400_000);
