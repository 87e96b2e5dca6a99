import type { Redis } from 'ioredis';
import type { ProgramConfig } from '../config/program.js';
import { type GiteaClient, repoRef } from './client.js';

const CACHE_SECONDS = 300;

/**
 * Who is a maintainer: listed in the config, admin/owner of the program repo, or a member of a
 * configured team. Asked of the API (webhook `sender.is_admin` is always false) and cached briefly.
 */
export function createMaintainerCheck(
  gitea: GiteaClient,
  redis: Redis,
  config: ProgramConfig,
  programRepo: string,
) {
  const listed = new Set(config.maintainers.users.map((u) => u.toLowerCase()));
  return async function isMaintainer(login: string): Promise<boolean> {
    if (listed.has(login.toLowerCase())) return true;
    const key = `ob:role:maintainer:${login.toLowerCase()}`;
    const cached = await redis.get(key);
    if (cached !== null) return cached === '1';
    const permission = await gitea.permission(repoRef(programRepo), login);
    let maintainer = permission === 'admin' || permission === 'owner';
    for (const team of config.maintainers.teams) {
      if (maintainer) break;
      maintainer = await gitea.isTeamMember(team, login);
    }
    await redis.set(key, maintainer ? '1' : '0', 'EX', CACHE_SECONDS);
    return maintainer;
  };
}

export type MaintainerCheck = ReturnType<typeof createMaintainerCheck>;
