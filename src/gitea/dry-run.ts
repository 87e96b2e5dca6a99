import type { GiteaClient } from './client.js';

export type WritePrinter = (write: { call: string; args: unknown[] }) => void;

/**
 * A client whose writes are printed, not sent. Reads still go to Gitea when it answers; when it
 * does not, they behave as an empty repository so a dry run works offline.
 */
export function dryRunClient(real: GiteaClient, print: WritePrinter): GiteaClient {
  let nextId = 1_000_000_000;
  const fake = <T>(call: string, result: T) => {
    return async (...args: unknown[]) => {
      print({ call, args });
      return result;
    };
  };
  const orEmpty =
    <A extends unknown[], T>(read: (...args: A) => Promise<T>, empty: T) =>
    (...args: A) =>
      read(...args).catch(() => empty);
  return {
    ...real,
    currentUser: orEmpty(real.currentUser, { login: 'operator-bot' }),
    listComments: orEmpty(real.listComments, []),
    repoLabels: orEmpty(real.repoLabels, []),
    issueLabels: orEmpty(real.issueLabels, []),
    permission: orEmpty(real.permission, 'none'),
    orgTeams: orEmpty(real.orgTeams, []),
    teamHasMember: orEmpty(real.teamHasMember, false),
    createComment: async (...args) => {
      print({ call: 'createComment', args });
      return { id: nextId++ };
    },
    editComment: fake('editComment', {}),
    createLabel: async (...args) => {
      print({ call: 'createLabel', args });
      return { id: nextId++, name: args[1].name, exclusive: args[1].exclusive };
    },
    addLabels: fake('addLabels', []),
    removeLabel: fake('removeLabel', null),
    setIssueState: fake('setIssueState', {}),
  };
}
