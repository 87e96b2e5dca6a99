import { mentionArg } from '../domain/commands/mentions.js';
import { commentEventId } from '../domain/history/comment-event.js';
import { readWalletChange } from '../domain/history/wallet-change.js';
import { unknownLogin } from '../domain/text/inert.js';
import { chainName } from '../domain/wallets/chains.js';
import type { ProgramCommand } from './command.js';

/**
 * `/wallet @op ADDRESS [CHAIN] [YYYY-MM-DD]` — a maintainer records the operator's new wallet
 * (checked for its chain like the application's), for pay of the days from that day on (default
 * today; the month under review at the earliest). Appended to the operator's history; earlier
 * days keep the wallet they were earned under.
 */
export const walletCommand: ProgramCommand = {
  name: 'wallet',
  help: '/wallet @op ADDRESS [CHAIN] [YYYY-MM-DD] — pay an operator’s days from that day to a new wallet (maintainers)',
  roles: ['maintainer'],
  run: ({ command, event, facts }) => {
    const login = mentionArg(command.args[0]);
    if (!login) return 'write `/wallet @operator 0xADDRESS [chain] [from YYYY-MM-DD]`.';
    const operator = facts.mentioned[login.toLowerCase()];
    if (!operator || (operator.status !== 'active' && operator.status !== 'exiting'))
      return `${unknownLogin(login)} is not an operator on the program.`;
    const change = readWalletChange(command.args.slice(1), event.at, operator.chain, facts.paidMonths);
    if (typeof change === 'string') return change;
    return {
      reply: `@${operator.login} is paid on ${chainName(change.chain)} to \`${change.wallet}\` for the days from ${change.from} on (was ${chainName(operator.chain)} \`${operator.wallet}\`).`,
      effects: [
        {
          type: 'recordOperatorEvent',
          login: operator.login,
          event: {
            id: commentEventId('wallet', event),
            type: 'wallet',
            at: event.at,
            by: event.actor,
            ...change,
          },
        },
      ],
    };
  },
};
