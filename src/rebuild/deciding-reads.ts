import { type GiteaClient, GiteaError } from '../gitea/client.js';
import { isTransient } from '../gitea/retry.js';

/** The reads a replayed event's decision depends on: who is a maintainer (gitea/maintainers.ts). */
export type DecidingReads = Pick<GiteaClient, 'permission' | 'teamHasMember' | 'orgTeams'>;

/**
 * `gitea`'s reads that decide who is a maintainer, for the replay: an answer Gitea gave (a 4xx:
 * a user gone, a team the bot may not read) counts as no access, as in a dry run; Gitea not
 * answering (no response, 5xx, 408, 429 after the client's own retries) fails the event, and so
 * the rebuild. Taking it as no access would refuse every maintainer command it was asked for — in
 * a replay side by side, every event that shared the one failed answer (asked-once.ts), one by
 * one only the first: two different states, neither the bot's.
 */
export function decidingReads(gitea: DecidingReads): DecidingReads {
  const answeredOr =
    <A extends unknown[], T>(read: (...args: A) => Promise<T>, none: T) =>
    (...args: A) =>
      read(...args).catch((error: unknown) => {
        if (error instanceof GiteaError && error.status !== undefined && !isTransient(error)) return none;
        throw error;
      });
  return {
    permission: answeredOr(gitea.permission, 'none'),
    teamHasMember: answeredOr(gitea.teamHasMember, false),
    orgTeams: answeredOr(gitea.orgTeams, []),
  };
}
