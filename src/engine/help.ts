import type { Role, WorkflowDefinition } from './definition.js';
import { mayUse } from './roles.js';

/**
 * `/help` in a workflow issue: the commands this person may use in the current state, then the
 * commands usable in any issue (from the program command table).
 */
export function helpText(
  definition: WorkflowDefinition,
  state: string,
  roles: ReadonlySet<Role>,
  anywhere: readonly { name: string; help: string; roles: readonly Role[] }[] = [],
): string {
  const usable = definition.transitions.filter(
    (t) => t.help && t.from.includes(state) && (!t.roles || mayUse(roles, t.roles)),
  );
  const lines = [...new Map(usable.map((t) => [t.on, `- \`${t.help}\``])).values()];
  lines.push('- `/status` — where this issue stands and what is left', '- `/help` — this list');
  const elsewhere = anywhere
    .filter((command) => command.name !== 'help' && mayUse(roles, command.roles))
    .map((command) => `- \`${command.help}\``);
  const more = elsewhere.length > 0 ? `\n\nIn any issue:\n${elsewhere.join('\n')}` : '';
  return `Commands you can use here now (state **${state}**):\n${lines.join('\n')}${more}`;
}
