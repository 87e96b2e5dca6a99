import type { ProgramConfig } from '../config/program.js';
import type { BotEvent } from '../gitea/event.js';
import { durationAt } from './decide-support.js';
import type { WorkflowDefinition } from './definition.js';
import type { Effect } from './effects.js';
import type { Instance } from './instance.js';

type TimerDefinition = WorkflowDefinition['timers'][string];

/** The versions a step started timers at, as the instance keeps them under `data.timers`. */
const timerVersionsOf = (instance: Instance) =>
  (instance.data.timers as Record<string, number> | undefined) ?? {};

/**
 * The timers a step starts: those an action asked for (`requested`) and those with
 * `start: enter` whose states the step entered (from `before` into `after`).
 */
export function timersToStart(
  definition: WorkflowDefinition,
  before: Instance,
  after: Instance,
  requested: ReadonlyMap<string, string | undefined>,
): [string, TimerDefinition][] {
  return Object.entries(definition.timers).filter(
    ([name, timer]) =>
      requested.has(name) ||
      (timer.start === 'enter' && timer.in.includes(after.state) && !timer.in.includes(before.state)),
  );
}

/** The instance's data with each started timer stamped with `version`; the same object when none starts. */
export function withTimerVersions(
  instance: Instance,
  timers: readonly [string, TimerDefinition][],
  version: number,
): Instance['data'] {
  if (timers.length === 0) return instance.data;
  const started = Object.fromEntries(timers.map(([name]) => [name, version]));
  return { ...instance.data, timers: { ...timerVersionsOf(instance), ...started } };
}

/**
 * A `scheduleTimer` effect per started timer: due at the time an action gave (`requested`), else
 * the event's time plus the timer's `after` (a duration or a config path, `durationAt`).
 */
export function timerEffects(
  timers: readonly [string, TimerDefinition][],
  requested: ReadonlyMap<string, string | undefined>,
  next: Instance,
  event: BotEvent,
  config: ProgramConfig,
): Effect[] {
  return timers.map(([name, timer]) => ({
    type: 'scheduleTimer',
    name,
    dueAt:
      requested.get(name) ??
      new Date(Date.parse(event.at) + durationAt(config, timer.after ?? '')).toISOString(),
    forState: next.state,
    forVersion: next.version,
  }));
}

/** A fired timer still counts: the instance is in one of the timer's states and started it at that version. */
export function timerStillApplies(
  definition: WorkflowDefinition,
  instance: Instance,
  event: BotEvent,
): boolean {
  const timer = event.timer;
  if (!timer) return false;
  const states = definition.timers[timer.name]?.in ?? [];
  return states.includes(instance.state) && timerVersionsOf(instance)[timer.name] === timer.forVersion;
}
