import type { GiteaClient } from '../gitea/client.js';

/**
 * `gitea` with a person's permission and team membership asked once per rebuild. The live bot
 * asks for every event (gitea/maintainers.ts: Gitea sends no webhook when they change); a rebuild
 * replays every event against Gitea as it is now, one moment, so the first answer is the answer.
 * A failed answer is not kept (the next event asks again).
 */
export function askedOnce(gitea: GiteaClient): GiteaClient {
  const answers = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    let answer = answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = ask();
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
  return {
    ...gitea,
    permission: (repo, user) =>
      once(`permission ${repo.owner}/${repo.name} ${user.toLowerCase()}`, () => gitea.permission(repo, user)),
    teamHasMember: (teamId, user) =>
      once(`team ${teamId} ${user.toLowerCase()}`, () => gitea.teamHasMember(teamId, user)),
  };
}
