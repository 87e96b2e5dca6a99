import type { BotEvent } from '../gitea/event.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { byTime } from './history.js';
import { type Access, createOrderedScheduler } from './scheduler.js';

/** How events may replay side by side (see replay-plan.ts); without it, one after another. */
export type Sharing = {
  /** Events in flight at most. */
  concurrency: number;
  /** Each event's access, for the events in order after the first (which runs alone, first). */
  plan: (rest: readonly BotEvent[]) => Promise<Access[]>;
  /** Whether events planned as shared may share now; false makes each run alone. */
  mayShare: () => boolean;
  /** Runs a shared event's handling (the caller counts them, to notice what a shared event must not do). */
  runShared: (run: () => Promise<void>) => Promise<void>;
  /** After each event or timer that ran alone, before the next starts. */
  afterSerial: (event: BotEvent) => Promise<void>;
};

const SERIAL: Access = { serial: true };

/**
 * Replays a history through the worker's road in event time. Timers the decisions set are kept
 * here and fired, in due order, before the first later event (and, at the end, those already due
 * by `now`); the rest are returned to be scheduled for real.
 * With `sharing`, events planned as shared run side by side (at most `concurrency`), each after
 * the earlier events it depends on; a timer and every other event run alone. Timers are set only
 * by events that run alone (the plan's promise; the caller checks it), so those due before an
 * event are all known when it starts, and fire in the same place as one after another.
 */
export async function runInEventTime(
  events: readonly BotEvent[],
  handle: (event: BotEvent) => Promise<void>,
  timers: DelayedEvent[],
  now: string,
  onProgress: (done: number, total: number) => void = () => undefined,
  sharing?: Sharing,
): Promise<DelayedEvent[]> {
  const ordered = [...events].sort(byTime);
  const scheduler = createOrderedScheduler(sharing?.concurrency ?? 1);
  let done = 0;
  const progress = () => {
    done += 1;
    onProgress(done, ordered.length);
  };
  const alone = async (event: BotEvent) => {
    await scheduler.submit(SERIAL, () => handle(event));
    await sharing?.afterSerial(event);
  };
  const fireDue = async (until: string) => {
    for (;;) {
      timers.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      const next = timers[0];
      if (!next || next.dueAt > until) return;
      // Every event started before it has finished (and set its timers) before a timer fires.
      await scheduler.drain();
      timers.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      const first = timers.shift() as DelayedEvent;
      await alone(first.event);
    }
  };
  let plan: Access[] = [];
  for (const [index, event] of ordered.entries()) {
    await fireDue(event.at);
    const access = index === 0 ? SERIAL : (plan[index - 1] ?? SERIAL);
    if (access.serial || !sharing?.mayShare()) {
      await alone(event);
      progress();
    } else {
      await scheduler.submit(access, () =>
        sharing
          .runShared(() => handle(event))
          .then(() => {
            progress();
          }),
      );
    }
    // The first event runs alone: the people it may adopt (worker/identify.ts) are seen by the plan.
    if (index === 0 && sharing) plan = await sharing.plan(ordered.slice(1));
  }
  await scheduler.drain();
  await fireDue(now);
  return timers.splice(0);
}
