import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import { teamsProblem } from '../gitea/teams.js';
import type { Readiness } from '../intake/app.js';
import { createDeliveryNotes } from '../store/last-deliveries.js';
import { type Check, failed, runInstallChecks } from './checks.js';
import { createGiteaAdmin } from './gitea-admin.js';
import { webhookProblem } from './webhook-step.js';

const CHECK_EVERY_MS = 60_000;

/**
 * /readyz: `redis` answers, `gitea` answers, `install`: the checks `init` and `doctor` run pass
 * (token, scopes, the bot's admin role; asked of Gitea at most once a minute), and, with
 * `maintainers.teams`, `maintainerTeams`: the bot can read each team (gitea/teams.ts). Each
 * failing check is explained in `problems`; `webhook` says whether the repo's hook to
 * PUBLIC_URL/webhooks/gitea has what the bot needs (reported, not gating: the bot must be ready
 * to receive the delivery that proves it), `webhooks` the last delivery per repository,
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
  const repo = repoRef(env.PROGRAM_REPO ?? '');
  const webhookUrl = env.PUBLIC_URL ? `${env.PUBLIC_URL}/webhooks/gitea` : undefined;
  let cached: { at: number; checks: Check[] } | undefined;
  const installChecks = async () => {
    if (cached && Date.now() - cached.at < CHECK_EVERY_MS) return cached.checks;
    const { checks } = await runInstallChecks(admin, { repo, teams: [], giteaUrl: env.GITEA_URL ?? '' });
    if (failed(checks).length === 0) {
      const problem = await webhookProblem(admin, repo, webhookUrl).catch(
        (error: unknown) => `the webhook could not be checked: ${(error as Error).message}`,
      );
      checks.push({
        id: 'webhook',
        status: problem ? 'fail' : 'ok',
        message: problem ?? 'the webhook is set up',
      });
    }
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
    const webhook = install.find((check) => check.id === 'webhook');
    const installFailures = failed(install).filter((check) => check !== webhook);
    const checks: Record<string, boolean> = {
      redis: redisUp,
      gitea: giteaUp,
      install: installFailures.length === 0,
    };
    const problems: Record<string, string> = {};
    if (!checks.install) problems.install = installFailures.map((check) => check.message).join('; ');
    if (config.maintainers.teams.length > 0) {
      const teams = await teamsProblem(bot.gitea, config.maintainers.teams, bot.botLogin());
      checks.maintainerTeams = teams === undefined;
      if (teams) problems.maintainerTeams = teams;
    }
    return {
      checks,
      ...(Object.keys(problems).length > 0 ? { problems } : {}),
      details: {
        // Reported, not gating: the bot must be ready to receive the test delivery that proves the hook.
        webhook: webhook?.message ?? 'not checked (the checks above failed)',
        webhooks: redisUp ? await notes.all().catch(() => ({})) : {},
      },
    };
  };
}
