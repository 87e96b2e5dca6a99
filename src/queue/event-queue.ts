import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';

export const EVENTS_QUEUE = 'operator-bot-events';

import type { ProgramConfig } from '../config/program.js';
import type { ScheduleJobData, ScheduleName } from '../schedules/runner.js';

/** A run of the catch-up (src/catch-up): read Gitea for what no delivery brought. */
export type CatchUpJobData = { catchUp: true };

/** A job is an event (webhook, timer, replay), a scheduled run (weekly reminders, payroll) or a catch-up. */
export type EventJobData = { event: BotEvent } | ScheduleJobData | CatchUpJobData;

/** Completed jobs are kept this long: a job id seen again within it is a duplicate delivery. */
export const DEDUPE_WINDOW_SECONDS = 7 * 24 * 3600;

/** The job schedulers the program needs, from its config (times in UTC). */
export function scheduleCrons(config: ProgramConfig): Record<ScheduleName, string> {
  const { weekday, hour, minute } = config.reports.dueWeekly;
  return {
    weeklyReminder: `${minute} ${hour} * * ${weekday}`,
    monthClose: `0 6 ${config.payroll.openOnDay} * *`,
    credentialCheck: '0 9 * * *',
  };
}

export async function registerSchedules(queue: EventQueue, config: ProgramConfig): Promise<void> {
  for (const [schedule, pattern] of Object.entries(scheduleCrons(config)) as [ScheduleName, string][]) {
    await queue.upsertJobScheduler(
      schedule,
      { pattern, tz: 'UTC' },
      { name: 'schedule', data: { schedule } },
    );
  }
}

/**
 * The catch-up runs every `everyMs` from a BullMQ job scheduler (one job per interval, whichever
 * worker takes it), and once now: the start-up run (each starting worker adds one; a second run
 * finds only duplicates).
 */
export async function registerCatchUp(queue: EventQueue, everyMs: number): Promise<void> {
  const data: CatchUpJobData = { catchUp: true };
  await queue.upsertJobScheduler('catchUp', { every: everyMs }, { name: 'catch-up', data });
  await queue.add('catch-up', data);
}

export function createEventQueue(
  connection: Redis,
  retry: { attempts: number; backoffMs: number } = { attempts: 8, backoffMs: 1_000 },
) {
  return new Queue<EventJobData>(EVENTS_QUEUE, {
    connection,
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: { age: DEDUPE_WINDOW_SECONDS },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

export type EventQueue = ReturnType<typeof createEventQueue>;
