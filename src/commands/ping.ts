import { mentionArg } from '../domain/commands/mentions.js';
import { unknownLogin } from '../domain/text/inert.js';
import { formatDuration } from '../domain/time/duration.js';
import { formatUtcSeconds } from '../domain/time/format.js';
import { addMs } from '../domain/time/instant.js';
import type { ProgramCommand } from './command.js';

/** `/ping @op [TEXT]` — a maintainer asks an operator for an answer within 24 hours (Communication Standards). */
export const pingCommand: ProgramCommand = {
  name: 'ping',
  help: '/ping @op [question] — the operator should answer here within {duration:standards.pingResponse}',
  roles: ['maintainer'],
  run: ({ command, event, facts, config }) => {
    const login = mentionArg(command.args[0]);
    if (!login) return 'write `/ping @operator [question]`.';
    const operator = facts.mentioned[login.toLowerCase()];
    if (!operator || (operator.status !== 'active' && operator.status !== 'exiting')) {
      return `${unknownLogin(login)} is not an operator on the program.`;
    }
    const dueAt = addMs(event.at, config.standards.pingResponse);
    return {
      reply: `@${operator.login}: please answer in this issue by ${formatUtcSeconds(dueAt)} (within ${formatDuration(config.standards.pingResponse)}).`,
      effects: [
        {
          type: 'startPing',
          ping: {
            id: event.comment?.id ?? 0,
            issue: `${event.repo}#${event.issue.number}`,
            login: operator.login,
            by: event.actor,
            askedAt: event.at,
            dueAt,
            missed: false,
          },
        },
      ],
    };
  },
};
