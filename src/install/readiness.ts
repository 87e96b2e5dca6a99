import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import { teamsProblem } from '../gitea/teams.js';
import type { Readiness } from '../intake/app.js';
import { createDeliveryNotes } from '../store/webhook-deliveries.js';
import { type Check, failed, runInstallChecks } from './checks.js';
import { createGiteaAdmin } from './gitea-admin.js';

const CHECK_EVERY_MS = 60_000;

/**
 * /readyz: `redis` answers, `gitea` answers, `install`: the checks `init` and `doctor` run pass
 * (token, scopes, the bot's admin role; asked of Gitea at most once a minute), and, with
 * `maintainers.teams`, `maintainerTeams`: the bot can read each team (gitea/teams.ts). Each
 * failing check is explained in `problems`; `webhooks` shows the last delivery per repository,
 * so a bot that cannot work says why instead of "ready".
 */
export function createReadiness(
  env: Env,
  config: ProgramConfig,
  redis: Redis,
  bot: { gitea: GiteaClient; botLogin: () => string | undefined },
): Readiness {
  const admin = createGiteaAdmin({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  });
  const notes = createDeliveryNotes(redis);
  let cached: { at: number; checks: Check[] } | undefined;
  const installChecks = async () => {
    if (cached && Date.now() - cached.at < CHECK_EVERY_MS) return cached.checks;
    const { checks } = await runInstallChecks(admin, {
      repo: repoRef(env.PROGRAM_REPO ?? ''),
      teams: [],
      giteaUrl: env.GITEA_URL ?? '',
    });
    cached = { at: Date.now(), checks };
    return checks;
  };
  return async () => {
    const redisUp = await redis.ping().then(
      () => true,
      () => false,
    );
    const install = await installChecks();
    const giteaUp = !install.some(
      (check) => check.id === 'token' && check.message.startsWith('cannot reach'),
    );
    const checks: Record<string, boolean> = {
      redis: redisUp,
      gitea: giteaUp,
      install: failed(install).length === 0,
    };
    const problems: Record<string, string> = {};
    if (!checks.install)
      problems.install = failed(install)
        .map((check) => check.message)
        .join('; ');
    if (config.maintainers.teams.length > 0) {
      const teams = await teamsProblem(bot.gitea, config.maintainers.teams, bot.botLogin());
      checks.maintainerTeams = teams === undefined;
      if (teams) problems.maintainerTeams = teams;
    }
    return {
      checks,
      ...(Object.keys(problems).length > 0 ? { problems } : {}),
      details: { webhooks: redisUp ? await notes.all().catch(() => ({})) : {} },
    };
  };
}
