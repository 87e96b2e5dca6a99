import type { ProgramConfig } from '../config/program.js';
import { type GiteaClient, repoRef } from './client.js';

/**
 * Who is a maintainer: listed in the config, admin/owner of the program repo, or a member of a
 * configured team. Asked of the API (webhook `sender.is_admin` is always false) for every event
 * that needs it, and never cached across events: Gitea sends no webhook when a collaborator's
 * permission or a team's members change, so a cache could outlive a removal the bot cannot see.
 * A maintainer removed in Gitea loses the role with the next event; one removed from the config
 * list, when the bot restarts with the new config.
 */
export function createMaintainerCheck(gitea: GiteaClient, config: ProgramConfig, programRepo: string) {
  const listed = new Set(config.maintainers.users.map((u) => u.toLowerCase()));
  return async function isMaintainer(login: string): Promise<boolean> {
    if (listed.has(login.toLowerCase())) return true;
    const permission = await gitea.permission(repoRef(programRepo), login);
    if (permission === 'admin' || permission === 'owner') return true;
    for (const team of config.maintainers.teams) {
      if (await gitea.isTeamMember(team, login)) return true;
    }
    return false;
  };
}

export type MaintainerCheck = ReturnType<typeof createMaintainerCheck>;

/** One event's maintainer check: each login asked of Gitea at most once while the event is handled. */
export function perEvent(check: MaintainerCheck): MaintainerCheck {
  const answers = new Map<string, Promise<boolean>>();
  return (login) => {
    const key = login.toLowerCase();
    let answer = answers.get(key);
    if (!answer) {
      answer = check(login);
      answers.set(key, answer);
    }
    return answer;
  };
}
