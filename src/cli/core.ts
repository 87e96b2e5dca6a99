import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { createCore } from '../core.js';
import { createGiteaClient, type GiteaClient } from '../gitea/client.js';
import type { Logger } from '../logger.js';
import { loadTemplates } from '../templates.js';
import type { DelayedEvent } from '../worker/handle-event.js';

/** The Gitea client of the environment's bot account. */
export const giteaFromEnv = (env: Env): GiteaClient =>
  createGiteaClient({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
  });

/** The worker's road for a one-shot command: the bot's own login is asked of Gitea first. */
export async function cliCore(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  redis: Redis,
  gitea: GiteaClient,
  enqueueAt: (job: DelayedEvent) => Promise<void>,
  options: { readsIssues?: boolean } = {},
) {
  const botLogin = (await gitea.currentUser()).login ?? 'operator-bot';
  return createCore({
    redis,
    gitea,
    config,
    templates: loadTemplates(),
    programRepo: env.PROGRAM_REPO ?? '',
    botLogin,
    giteaUrl: env.GITEA_URL ?? '',
    enqueueAt,
    ...options,
    log,
  });
}
