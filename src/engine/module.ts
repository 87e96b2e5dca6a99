import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import type { BotEvent } from '../gitea/event.js';
import type { Role, WorkflowDefinition } from './definition.js';
import type { Effect } from './effects.js';
import type { Instance } from './instance.js';

/** What the worker looks up before deciding, so that deciding needs no I/O. */
export type Facts = {
  /** The registry record of the issue's author, if any. */
  author?: OperatorRecord;
  /** The registry record of the event's actor, if any. */
  actor?: OperatorRecord;
  /** Other open issues (`repo#n`) running this workflow for the same author. */
  otherOpenIssues: string[];
  /** Registry records of the users @mentioned in the comment's commands, by lower-case login. */
  mentioned: Record<string, OperatorRecord>;
  /** The bot's own login (what it wrote itself can be trusted). */
  botLogin?: string;
  /** What a workflow's own `loadFacts` looked up. */
  extra?: Record<string, unknown>;
  /**
   * `rebuild` only: the comment's command lines (as written, `CommandLine.raw`) the live bot
   * answered as written before a later command that stands (domain/commands/written-order.ts):
   * replayed in the order written, they would apply.
   */
  notAppliedLive?: string[];
};

/** Whether the live bot answered the command being decided as written before a later one (`Facts.notAppliedLive`). */
export const refusedLive = (ctx: Pick<DecideContext, 'facts' | 'command'>): boolean =>
  ctx.command !== undefined && (ctx.facts.notAppliedLive ?? []).includes(ctx.command.raw);

/**
 * A workflow's own look-ups, made before decide (which must not do I/O). `Services` is what it
 * asks the composition root for: each workflow declares its own (src/workflows/<name>/facts.ts),
 * so the engine knows none of them.
 */
export type LoadFacts<Services> = (input: {
  event: BotEvent;
  instance: Instance | null;
  facts: Facts;
  services: Services;
}) => Promise<Record<string, unknown>>;

/** What guards and actions see: everything is data, nothing reads a clock or the network. */
export type DecideContext = {
  event: BotEvent;
  instance: Instance;
  config: ProgramConfig;
  facts: Facts;
  command?: CommandLine;
  roles: ReadonlySet<Role>;
};

/** `true` lets the transition happen; a string refuses it and says why (for the reply). */
export type Guard = (ctx: DecideContext) => true | string;

export type ActionResult = {
  data?: Record<string, unknown>;
  /** A short answer to the command that caused it. */
  reply?: string;
  /** Timers (declared with `start: action`) to start now: due after their `after`, or at the given time. */
  startTimers?: (string | { name: string; dueAt: string })[];
  effects?: Effect[];
};

/** Updates the instance's data, or refuses with the reason (a string). */
export type Action = (ctx: DecideContext) => ActionResult | string;

/**
 * A workflow: its YAML definition plus the named guards and actions it refers to. `Services`: the
 * look-ups its `loadFacts` needs; left out (`never`) where facts are not loaded (decide, help), so
 * any workflow fits there.
 */
export type WorkflowModule<Services = never> = {
  definition: WorkflowDefinition;
  guards: Record<string, Guard>;
  actions: Record<string, Action>;
  /** The view the status template is rendered with. */
  statusView: (instance: Instance, config: ProgramConfig) => Record<string, unknown>;
  /** Workflow-specific look-ups, made before decide (which must not do I/O). */
  loadFacts?: LoadFacts<Services>;
};

export type Render = (template: string, view: Record<string, unknown>) => string;
