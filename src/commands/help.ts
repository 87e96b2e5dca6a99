import type { ProgramConfig } from '../config/program.js';
import { fillConfig } from '../domain/text/config-text.js';
import type { Role, Transition } from '../engine/definition.js';
import { describeRoles } from '../engine/roles.js';
import type { ProgramCommand } from './types.js';

/**
 * One command of a help list: the command in a code span, its description as prose.
 * `/approve — accept the application` → ``- `/approve` — accept the application``.
 */
export function helpLine(help: string, config?: ProgramConfig): string {
  const [usage = '', ...description] = (config ? fillConfig(help, config) : help).split(' — ');
  return description.length > 0 ? `- \`${usage}\` — ${description.join(' — ')}` : `- \`${usage}\``;
}

const may = (roles: ReadonlySet<Role>, allowed: readonly Role[] | undefined) =>
  !allowed || allowed.some((role) => role === 'anyone' || roles.has(role));

/** What a workflow's `/help` needs: where the issue is, its transitions, who asks. */
export type WorkflowHelpInput = {
  state: string;
  transitions: readonly Transition[];
  roles: ReadonlySet<Role>;
  /** Program commands usable in any issue (src/commands/registry.ts). */
  anywhere: readonly { name: string; help: string; roles: readonly Role[] }[];
  /** Fills the numbers in help texts (`{standards.rotationDays}`, src/domain/text/config-text.ts). */
  config: ProgramConfig;
};

/**
 * `/help` in a workflow issue: first what this person can do now (their commands in this state,
 * then the ones usable in any issue), below what comes next in this workflow and who does it
 * (the commands of this state only others may use, each with its role).
 */
export function workflowHelp(input: WorkflowHelpInput): string {
  const here = input.transitions.filter((t) => t.help && t.from.includes(input.state));
  const own = [...new Map(here.filter((t) => may(input.roles, t.roles)).map((t) => [t.on, t])).values()];
  const others = [...new Map(here.filter((t) => !may(input.roles, t.roles)).map((t) => [t.on, t])).values()];
  const now = [
    ...own.map((t) => helpLine(t.help ?? '', input.config)),
    helpLine('/status — where this issue stands, with a link to its status comment'),
    helpLine('/help — this list'),
  ];
  const anywhere = input.anywhere
    .filter((command) => command.name !== 'help' && may(input.roles, command.roles))
    .map((command) => helpLine(command.help, input.config));
  const next = others.map(
    (t) =>
      `- ${describeRoles(t.roles ?? ['anyone'])}: ${helpLine(t.help ?? '', input.config).slice('- '.length)}`,
  );
  return [
    `**What you can do here now** (state **${input.state}**):\n${now.join('\n')}`,
    ...(anywhere.length > 0 ? [`In any issue:\n${anywhere.join('\n')}`] : []),
    ...(next.length > 0
      ? [`**What comes next in this workflow, and who does it:**\n${next.join('\n')}`]
      : []),
  ].join('\n\n');
}

/** `/help` outside a workflow issue: the program commands this person may use, from the same table. */
export function helpCommand(commands: () => readonly ProgramCommand[]): ProgramCommand {
  return {
    name: 'help',
    help: '/help — the commands you can use here',
    roles: ['anyone'],
    run: ({ roles, config }) => {
      const usable = commands().filter((c) => may(roles, c.roles));
      return {
        reply: `**What you can do here:**\n${usable.map((c) => helpLine(c.help, config)).join('\n')}`,
      };
    },
  };
}
