import type { Redis } from 'ioredis';
import type { ProgramConfig } from '../config/program.js';
import { createPeople } from '../store/people.js';
import { type GiteaClient, GiteaError, repoRef } from './client.js';
import { checkTeams, type TeamAccess } from './teams.js';

const CACHE_SECONDS = 300;

/**
 * Who is a maintainer: listed in the config, admin/owner of the program repo, or a member of a
 * configured team the bot can read (see `checkTeams`; a team it cannot read is reported at
 * start-up and in `/readyz`, and recognises nobody). Asked of the API (webhook
 * `sender.is_admin` is always false) and cached briefly. People are their Gitea user id: a login
 * listed in the config (and the cache) names the person who had it when the bot first saw it, so
 * a renamed maintainer keeps the role and someone registering the freed name does not get it.
 */
export function createMaintainerCheck(
  gitea: GiteaClient,
  redis: Redis,
  config: ProgramConfig,
  programRepo: string,
  botLogin: string,
) {
  const people = createPeople(redis);
  const listed = new Set(config.maintainers.users.map((u) => u.toLowerCase()));
  let teams: Promise<TeamAccess[]> | undefined;
  const readableTeams = async () => {
    teams ??= checkTeams(gitea, config.maintainers.teams, botLogin).catch((error: unknown) => {
      teams = undefined;
      throw error;
    });
    return (await teams).flatMap((team) => (team.id === undefined ? [] : [team.id]));
  };
  // The bot left the team since it was checked: that team recognises nobody until checked again.
  const hasMember = (id: number, login: string) =>
    gitea.teamHasMember(id, login).catch((error: unknown) => {
      if (!(error instanceof GiteaError && error.status === 403)) throw error;
      teams = undefined;
      return false;
    });
  return async function isMaintainer(login: string): Promise<boolean> {
    const person = await people.keyOf(login);
    if (listed.has(person)) return true;
    const key = `ob:role:maintainer:${person}`;
    const cached = await redis.get(key);
    if (cached !== null) return cached === '1';
    const permission = await gitea.permission(repoRef(programRepo), login);
    let maintainer = permission === 'admin' || permission === 'owner';
    if (!maintainer && config.maintainers.teams.length > 0) {
      for (const id of await readableTeams()) {
        if (await hasMember(id, login)) {
          maintainer = true;
          break;
        }
      }
    }
    await redis.set(key, maintainer ? '1' : '0', 'EX', CACHE_SECONDS);
    return maintainer;
  };
}

export type MaintainerCheck = ReturnType<typeof createMaintainerCheck>;
