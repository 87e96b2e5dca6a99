import { mayUse } from '../engine/roles.js';
import type { ProgramCommand } from './types.js';

/** `/help` outside a workflow issue: the program commands this person may use, from the same table. */
export function helpCommand(commands: () => readonly ProgramCommand[]): ProgramCommand {
  return {
    name: 'help',
    help: '/help — the commands you can use here',
    roles: ['anyone'],
    run: ({ roles }) => {
      const usable = commands().filter((c) => mayUse(roles, c.roles));
      return { reply: `Commands you can use here:\n${usable.map((c) => `- \`${c.help}\``).join('\n')}` };
    },
  };
}
