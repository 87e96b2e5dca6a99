import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';

export const EVENTS_QUEUE = 'operator-bot-events';

import type { ProgramConfig } from '../config/program.js';
import type { ScheduleJobData, ScheduleName } from '../schedules/runner.js';

/** A job is an event (webhook, timer, replay) or a scheduled run (weekly reminders, payroll). */
export type EventJobData = { event: BotEvent } | ScheduleJobData;

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
