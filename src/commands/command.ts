import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { Role } from '../engine/definition.js';
import type { Effect } from '../engine/effects.js';
import type { Facts } from '../engine/module.js';
import type { BotEvent } from '../gitea/event.js';

/** What program commands see beyond the workflow facts. */
export type CommandFacts = Facts & {
  /** Weeks the actor has reported, with the id of the comment each report came from (a report this comment stored on an earlier try of its job: the comment it replaced). */
  actorReportWeeks: Record<string, number>;
  /** Months (`YYYY-MM`) whose payroll is paid and closed; loaded for `/nodes` and `/wallet` only. */
  paidMonths?: readonly string[];
};

export type CommandContext = {
  event: BotEvent;
  command: CommandLine;
  config: ProgramConfig;
  facts: CommandFacts;
  roles: ReadonlySet<Role>;
};

export type CommandResult = { reply?: string; effects?: Effect[] };

/**
 * A command usable in any issue, not tied to a workflow (Prow-style: parse, check who, act,
 * reply), with its help next to it. Pure: no I/O, no clock.
 */
export type ProgramCommand = {
  name: string;
  /** An example use and what it does, for `/help`. */
  help: string;
  roles: readonly Role[];
  /** The answer to give, or the reason it is refused (a string). */
  run: (ctx: CommandContext) => CommandResult | string;
};
