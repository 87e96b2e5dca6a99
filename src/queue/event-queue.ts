import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';

export const EVENTS_QUEUE = 'operator-bot-events';
export type EventJobData = { event: BotEvent };

/** Completed jobs are kept this long: a job id seen again within it is a duplicate delivery. */
export const DEDUPE_WINDOW_SECONDS = 7 * 24 * 3600;

export function createEventQueue(connection: Redis) {
  return new Queue<EventJobData>(EVENTS_QUEUE, {
    connection,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: DEDUPE_WINDOW_SECONDS },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

export type EventQueue = ReturnType<typeof createEventQueue>;
