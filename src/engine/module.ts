import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { Role, WorkflowDefinition } from './definition.js';
import type { Instance } from './instance.js';

/** What guards and actions see: everything is data, nothing reads a clock or the network. */
export type DecideContext = {
  event: BotEvent;
  instance: Instance;
  config: ProgramConfig;
  command?: CommandLine;
  roles: ReadonlySet<Role>;
};

/** `true` lets the transition happen; a string refuses it and says why (for the reply). */
export type Guard = (ctx: DecideContext) => true | string;

/** Updates the instance's data; may return a reply for the command that triggered it. */
export type Action = (ctx: DecideContext) => { data?: Record<string, unknown>; reply?: string } | string;

/** A workflow: its YAML definition plus the named guards and actions it refers to. */
export type WorkflowModule = {
  definition: WorkflowDefinition;
  guards: Record<string, Guard>;
  actions: Record<string, Action>;
  /** The view the status template is rendered with. */
  statusView: (instance: Instance, config: ProgramConfig) => Record<string, unknown>;
};

export type Render = (template: string, view: Record<string, unknown>) => string;
