import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';
import { seenKey } from '../store/keys.js';
import { DEDUPE_WINDOW_SECONDS, type EventQueue } from './event-queue.js';

/**
 * Queues an event once per content key: a redelivery, or a Replay from Gitea's UI under a new
 * delivery id, finds the key already seen and is reported as a duplicate.
 */
export function createEnqueue(queue: EventQueue, redis: Redis) {
  return async (event: BotEvent, jobId: string): Promise<'queued' | 'duplicate'> => {
    const fresh = await redis.set(seenKey(jobId), '1', 'EX', DEDUPE_WINDOW_SECONDS, 'NX');
    if (fresh !== 'OK') return 'duplicate';
    try {
      await queue.add('event', { event }, { jobId });
    } catch (error) {
      await redis.del(seenKey(jobId)).catch(() => undefined);
      throw error;
    }
    return 'queued';
  };
}

/** Timers are jobs too: delayed until due (at once when a late event finds them overdue). */
export function createDelayedEnqueue(queue: EventQueue) {
  return async (timer: { event: BotEvent; dueAt: string; jobId: string }) => {
    const delay = Math.max(0, Date.parse(timer.dueAt) - Date.now());
    await queue.add('timer', { event: timer.event }, { jobId: timer.jobId, delay });
  };
}
