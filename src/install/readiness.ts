import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { repoRef } from '../gitea/client.js';
import type { Readiness } from '../intake/app.js';
import { createDeliveryNotes } from '../store/webhook-deliveries.js';
import { type Check, failed, runInstallChecks } from './checks.js';
import { createGiteaAdmin } from './gitea-admin.js';

const CHECK_EVERY_MS = 60_000;

/**
 * /readyz: Redis answers, Gitea answers, and the install checks `init` and `doctor` run pass
 * (asked of Gitea at most once a minute); beside them the failing checks' messages and the
 * last delivery per repository, so a bot that cannot work says why instead of "ready".
 */
export function createReadiness(env: Env, config: ProgramConfig, redis: Redis): Readiness {
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
      teams: config.maintainers.teams,
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
    const checks = await installChecks();
    const giteaUp = !checks.some((check) => check.id === 'token' && check.message.startsWith('cannot reach'));
    const problems = failed(checks).map((check) => check.message);
    return {
      checks: { redis: redisUp, gitea: giteaUp, install: problems.length === 0 },
      details: {
        problems,
        webhooks: redisUp ? await notes.all().catch(() => ({})) : {},
      },
    };
  };
}
