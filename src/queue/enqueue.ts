import type { BotEvent } from '../gitea/event.js';
import type { EventQueue } from './event-queue.js';

/** Timers are jobs too: delayed until due (at once when a late event finds them overdue). */
export function createDelayedEnqueue(queue: EventQueue) {
  return async (timer: { event: BotEvent; dueAt: string; jobId: string }) => {
    const delay = Math.max(0, Date.parse(timer.dueAt) - Date.now());
    await queue.add('timer', { event: timer.event }, { jobId: timer.jobId, delay });
  };
}
