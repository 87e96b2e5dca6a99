import { mayUse } from '../engine/roles.js';
import { helpLine } from '../engine/workflow-help.js';
import type { ProgramCommand } from './command.js';

/** `/help` outside a workflow issue: the program commands this person may use, from the same table. */
export function helpCommand(commands: () => readonly ProgramCommand[]): ProgramCommand {
  return {
    name: 'help',
    help: '/help — the commands you can use here',
    roles: ['anyone'],
    run: ({ roles, config }) => {
      const usable = commands().filter((c) => mayUse(roles, c.roles));
      return {
        reply: `**What you can do here:**\n${usable.map((c) => helpLine(c.help, config)).join('\n')}`,
      };
    },
  };
}
