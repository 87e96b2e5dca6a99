import type { ProgramConfig } from '../config/program.js';
import { fillConfig } from '../domain/text/config-text.js';
import type { Role, WorkflowDefinition } from './definition.js';
import { describeRoles, mayUse } from './roles.js';

/**
 * One command of a help list: the command in a code span, its description as prose, its numbers
 * from the config (`{standards.rotationDays}`, src/domain/text/config-text.ts).
 * `/approve — accept the application` → ``- `/approve` — accept the application``.
 */
export function helpLine(help: string, config?: ProgramConfig): string {
  const [usage = '', ...description] = (config ? fillConfig(help, config) : help).split(' — ');
  return description.length > 0 ? `- \`${usage}\` — ${description.join(' — ')}` : `- \`${usage}\``;
}

const allowed = (roles: ReadonlySet<Role>, only: readonly Role[] | undefined) => !only || mayUse(roles, only);

/**
 * `/help` in a workflow issue: first what this person can do now (their commands in this state,
 * then the ones usable in any issue), below what comes next in this workflow and who does it
 * (the commands of this state only others may use, each with its role).
 */
export function helpText(
  definition: WorkflowDefinition,
  state: string,
  roles: ReadonlySet<Role>,
  anywhere: readonly { name: string; help: string; roles: readonly Role[] }[] = [],
  config?: ProgramConfig,
): string {
  const here = definition.transitions.filter((t) => t.help && t.from.includes(state));
  // One line per help, as in the command table: `/terminate confirm` and `/terminate cancel` are two.
  const unique = (list: typeof here) => [...new Map(list.map((t) => [`${t.on}\n${t.help}`, t])).values()];
  const own = unique(here.filter((t) => allowed(roles, t.roles)));
  const others = unique(here.filter((t) => !allowed(roles, t.roles)));
  const now = [
    ...own.map((t) => helpLine(t.help ?? '', config)),
    helpLine('/status — where this issue stands, with a link to its status comment'),
    helpLine('/help — this list'),
  ];
  const elsewhere = anywhere
    .filter((command) => command.name !== 'help' && mayUse(roles, command.roles))
    .map((command) => helpLine(command.help, config));
  const next = others.map(
    (t) => `- ${describeRoles(t.roles ?? ['anyone'])}: ${helpLine(t.help ?? '', config).slice('- '.length)}`,
  );
  return [
    `**What you can do here now** (state **${state}**):\n${now.join('\n')}`,
    ...(elsewhere.length > 0 ? [`In any issue:\n${elsewhere.join('\n')}`] : []),
    ...(next.length > 0
      ? [`**What comes next in this workflow, and who does it:**\n${next.join('\n')}`]
      : []),
  ].join('\n\n');
}
