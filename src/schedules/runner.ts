import type { Logger } from 'pino';
import type { ProgramConfig } from '../config/program.js';
import { type HealthApplication, programHealth } from '../domain/health/program-health.js';
import { reminderKey, weeklyReminder } from '../domain/reports/weekly-reminder.js';
import { rotationReminders, rotationStatuses } from '../domain/standards/rotation.js';
import { isoWeekEnd, previousIsoWeek } from '../domain/time/iso-week.js';
import { previousMonth } from '../domain/time/month.js';
import type { Render } from '../engine/module.js';
import type { ProgramIssues } from '../gitea/program-issues.js';
import type { OperatorStore } from '../store/operators.js';
import type { ReportStore } from '../store/reports.js';
import type { RotationStore } from '../store/rotations.js';
import type { ProgramIssueOpener } from '../worker/open-program-issue.js';
import { lowUptimeProposals } from '../workflows/exit/low-uptime.js';
import { openMonthPayroll } from '../workflows/payroll/month-close.js';

export const SCHEDULES = ['weeklyReminder', 'monthClose', 'credentialCheck'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];
/**
 * A scheduled run: fired by a job scheduler at `firedAt`; or for a given `week` (a late report
 * refreshes that week's reminder) or `month` (`payroll open --month`).
 */
export type ScheduleJobData = { schedule: ScheduleName; firedAt?: string; week?: string; month?: string };

export type ScheduleDeps = {
  registry: OperatorStore;
  reports: ReportStore;
  programIssues: ProgramIssues;
  render: Render;
  config: ProgramConfig;
  botLogin: string;
  openProgramIssue: ProgramIssueOpener;
  rotations: RotationStore;
  /** Every application the bot has seen: who, when, referred by whom. */
  applications: () => Promise<HealthApplication[]>;
  /** Posts a comment once per key in a program issue. */
  noteInProgramIssue: (issue: number, key: string, body: string) => Promise<void>;
  log: Logger;
};

/**
 * Runs a scheduled task; each is idempotent (it opens or edits one program issue per period). A
 * shell: it reads the stores, calls the rules and writes what they return. The rules live with
 * what they are about: who is due a credential rotation in domain/standards/rotation.ts, who has
 * not reported in domain/reports/weekly-reminder.ts, the month's payroll issue in
 * workflows/payroll/month-close.ts, the low-uptime termination trigger in
 * workflows/exit/low-uptime.ts, the program report in domain/health/.
 */
export function createScheduleRunner(deps: ScheduleDeps) {
  return async function runSchedule(job: ScheduleJobData): Promise<void> {
    switch (job.schedule) {
      case 'weeklyReminder':
        return remindWeekly(job.week ? isoWeekEnd(job.week) : new Date(job.firedAt ?? Date.now()));
      case 'credentialCheck':
        return checkCredentials(job.firedAt ?? new Date().toISOString());
      case 'monthClose':
        return closeMonth(job.month ?? previousMonth(new Date(job.firedAt ?? Date.now())), job.firedAt);
    }
  };

  /** Mentions, in the week's rotation issue, who is due soon or overdue — each once per rotation. */
  async function checkCredentials(now: string) {
    const statuses = rotationStatuses(
      now,
      await deps.registry.all(),
      await deps.rotations.all(),
      deps.config,
    );
    if (statuses.length === 0) return;
    const reminders = rotationReminders(now, statuses, deps.config);
    const { number } = await deps.programIssues.upsert(reminders.key, reminders.issue);
    for (const note of reminders.notes) await deps.noteInProgramIssue(number, note.key, note.body);
  }

  /** Opens (or refreshes) the month's payroll issue and proposes terminations for low-uptime streaks. */
  async function closeMonth(month: string, firedAt = new Date().toISOString()) {
    const operators = await deps.registry.all();
    const reports = new Map(
      await Promise.all(operators.map(async (o) => [o.login, await deps.reports.of(o.login)] as const)),
    );
    const reportsOf = (login: string) => reports.get(login) ?? [];
    const effects = [
      openMonthPayroll(month),
      ...lowUptimeProposals(month, operators, reportsOf, deps.config, firedAt),
    ];
    for (const effect of effects) {
      if (effect.type === 'openProgramIssue')
        await deps.openProgramIssue(effect, { actor: deps.botLogin, at: firedAt });
    }
    const health = programHealth({
      month,
      operators,
      reportsOf,
      applications: await deps.applications(),
      render: deps.render,
      targets: deps.config.health,
    });
    await deps.programIssues.upsert(health.key, health.issue);
    deps.log.info({ month, proposals: effects.length - 1 }, 'month closed');
  }

  async function remindWeekly(now: Date) {
    const operators = await deps.registry.all();
    const reported = new Map<string, Set<string>>();
    for (const operator of operators) {
      const weeks = (await deps.reports.of(operator.login)).map((r) => r.report.week);
      reported.set(operator.login.toLowerCase(), new Set(weeks));
    }
    const opened = await deps.programIssues.exists(reminderKey(previousIsoWeek(now)));
    const reminder = weeklyReminder(now, operators, reported, deps.render, opened, deps.config);
    if (!reminder.issue) return;
    const { number } = await deps.programIssues.upsert(reminder.key, reminder.issue);
    deps.log.info(
      { week: reminder.week, missing: reminder.missing.length, issue: number },
      'weekly reminder',
    );
  }
}

/** The Monday after `week`: "now" for a reminder about that week. */
