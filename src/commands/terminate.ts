import { mentionArg } from '../domain/commands/mentions.js';
import { unknownLogin } from '../domain/text/inert.js';
import { proposeTermination } from '../workflows/exit/open-termination.js';
import type { ProgramCommand } from './command.js';

/** `/terminate @op REASON` — a maintainer records an involuntary termination (PROGRAM.md "Involuntary"). */
export const terminateCommand: ProgramCommand = {
  name: 'terminate',
  help: '/terminate @op REASON — terminate an operator for cause (security breach, credential exposure, principle violation)',
  roles: ['maintainer'],
  run: ({ command, event, facts }) => {
    const login = mentionArg(command.args[0]);
    const reason = command.args.slice(1).join(' ').trim();
    if (!login || !reason) return 'write `/terminate @operator REASON`.';
    const operator = facts.mentioned[login.toLowerCase()];
    if (!operator || operator.status === 'terminated' || operator.status === 'exited') {
      return `${unknownLogin(login)} is not an operator on the program.`;
    }
    const effect = proposeTermination({
      login: operator.login,
      reason,
      by: event.actor,
      mode: 'recorded',
      at: event.at,
      key: `termination-${operator.login}-${event.comment?.id ?? 0}`,
    });
    return { reply: `opening the termination of @${operator.login}.`, effects: [effect] };
  },
};
