import { ISSUE_EVENTS, type Role, type WorkflowDefinition } from '../engine/definition.js';
import { PROGRAM_COMMANDS } from './program.js';

/** Where a command is answered: in any issue of the program repos, or in a workflow's issues in some states. */
export type CommandPlace = 'any issue' | 'workflow issues' | { workflow: string; states: readonly string[] };

/**
 * One command as people see it, the single table `/help`, the README's command table and the
 * answer to a command used in the wrong place are made from. `help` is `usage — what it does`
 * with config numbers as `{standards.rotationDays}` (src/domain/text/config-text.ts).
 */
export type CommandSpec = { name: string; help: string; roles: readonly Role[]; where: CommandPlace };

/** Built into every workflow issue, answered by the engine (src/engine/decide.ts). */
export const BUILT_IN_COMMANDS = ['status', 'help'] as const;

const STATUS: CommandSpec = {
  name: 'status',
  help: '/status — where this issue stands, with a link to its status comment',
  roles: ['anyone'],
  where: 'workflow issues',
};

/** Whether a transition's `on` is a command (not an issue event, a timer or `auto`). */
export const isCommandTrigger = (on: string) =>
  on !== 'auto' && !on.startsWith('timer:') && !(ISSUE_EVENTS as readonly string[]).includes(on);

/** The commands a workflow answers: its transitions' command triggers, and the built-ins. */
export function commandNames(definition: WorkflowDefinition): string[] {
  const own = definition.transitions.map((t) => t.on).filter(isCommandTrigger);
  return [...new Set([...BUILT_IN_COMMANDS, ...own])];
}

/**
 * The commands a workflow in `state` answers (`src/worker/handle-event.ts` gives it those lines):
 * its own and the built-ins, except a command of any issue (`anywhere`) it has no transition for
 * from this state — that line is the any-issue command's, as the command table says (a
 * maintainer's `/terminate @op REASON` in an exit notice; `/terminate confirm` in a proposed
 * termination stays the exit's). Without a state (not started yet), every command of its own.
 */
export function claimedCommands(
  definition: WorkflowDefinition,
  state: string | undefined,
  anywhere: ReadonlySet<string>,
): Set<string> {
  const builtIn: readonly string[] = BUILT_IN_COMMANDS;
  const inState = (name: string) =>
    definition.transitions.some((t) => t.on === name && state !== undefined && t.from.includes(state));
  return new Set(
    commandNames(definition).filter(
      (name) => state === undefined || builtIn.includes(name) || !anywhere.has(name) || inState(name),
    ),
  );
}

/**
 * A workflow's commands, one spec per command and help text: transitions of one command with the
 * same help are merged (roles and source states joined); one command with different helps
 * (`/terminate confirm`, `/terminate cancel`) gets a spec each. Transitions without help (the
 * ledger's automatic settle) add nothing when the command has a help elsewhere.
 */
export function workflowCommands(definition: WorkflowDefinition): CommandSpec[] {
  const specs = new Map<string, { name: string; help: string; roles: Role[]; states: string[] }>();
  const helped = new Set(definition.transitions.filter((t) => t.help).map((t) => t.on));
  for (const transition of definition.transitions) {
    if (!isCommandTrigger(transition.on)) continue;
    if (!transition.help && helped.has(transition.on)) continue;
    const help = transition.help ?? `/${transition.on}`;
    const key = `${transition.on}\n${help}`;
    const spec = specs.get(key) ?? { name: transition.on, help, roles: [], states: [] };
    for (const role of transition.roles ?? ['anyone']) if (!spec.roles.includes(role)) spec.roles.push(role);
    for (const state of transition.from) if (!spec.states.includes(state)) spec.states.push(state);
    specs.set(key, spec);
  }
  return [...specs.values()].map(({ states, ...spec }) => ({
    ...spec,
    where: { workflow: definition.name, states },
  }));
}

/** Every command the bot answers: those of any issue, `/status`, then each workflow's. */
export function commandCatalog(definitions: readonly WorkflowDefinition[]): CommandSpec[] {
  return [
    ...PROGRAM_COMMANDS.map(({ name, help, roles }) => ({ name, help, roles, where: 'any issue' as const })),
    STATUS,
    ...definitions.flatMap(workflowCommands),
  ];
}

/** `any issue`, `workflow issues`, `onboarding (screening, training)`. */
export function describePlace(where: CommandPlace): string {
  if (typeof where === 'string') return where;
  return `${where.workflow} issues (${where.states.join(', ')})`;
}
