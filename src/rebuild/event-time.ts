import type { BotEvent } from '../gitea/event.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { byTime } from './history.js';

/**
 * Replays a history through the worker's road in event time. Timers the decisions set are kept
 * here and fired, in due order, before the first later event (and, at the end, those already due
 * by `now`); the rest are returned to be scheduled for real.
 */
export async function runInEventTime(
  events: readonly BotEvent[],
  handle: (event: BotEvent) => Promise<void>,
  timers: DelayedEvent[],
  now: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<DelayedEvent[]> {
  const ordered = [...events].sort(byTime);
  const fireDue = async (until: string) => {
    for (;;) {
      timers.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      const next = timers[0];
      if (!next || next.dueAt > until) return;
      timers.shift();
      await handle(next.event);
    }
  };
  for (const [index, event] of ordered.entries()) {
    await fireDue(event.at);
    await handle(event);
    onProgress(index + 1, ordered.length);
  }
  await fireDue(now);
  return timers.splice(0);
}
