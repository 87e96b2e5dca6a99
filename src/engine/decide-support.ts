import type { ProgramConfig } from '../config/program.js';
import { configValueAt } from '../config/value-at.js';
import type { BotEvent } from '../gitea/event.js';
import type { Instance } from './instance.js';
import type { WorkflowModule } from './module.js';

/** The state of an instance that does not exist yet. */
export const NEW = '(new)';

/** The instance a workflow starts from on an issue it has not seen. */
export function blankInstance(input: { workflow: WorkflowModule; event: BotEvent }): Instance {
  return {
    workflow: input.workflow.definition.name,
    repo: input.event.repo,
    issue: input.event.issue.number,
    state: NEW,
    version: 0,
    updatedAt: input.event.at,
    data: {},
    applied: [],
    inputs: {},
  };
}

/** The `on` of a non-command event: `timer:NAME`, or the issue event (`edited`, `closed`, …). */
export function eventTrigger(event: BotEvent): string | undefined {
  if (event.kind === 'timer.fired') return event.timer ? `timer:${event.timer.name}` : undefined;
  return event.kind.startsWith('issue.') ? event.kind.slice('issue.'.length) : undefined;
}

/** A duration in milliseconds from the config path a timer names (`onboarding.shadowPeriod`); throws on another type. */
export function durationAt(config: ProgramConfig, path: string): number {
  const value = configValueAt(config, path);
  if (typeof value !== 'number') throw new Error(`config path ${path} is not a duration`);
  return value;
}
