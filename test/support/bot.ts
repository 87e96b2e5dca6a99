import { Redis } from 'ioredis';
import { type Runtime, startRuntime } from '../../src/app/runtime.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig, type ProgramConfig } from '../../src/config/program.js';
import { hookSecret } from '../../src/intake/signature.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { cursorKey } from '../../src/store/catch-up-cursors.js';
import { type DeliveryOptions, type DeliveryPayload, signDelivery } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';

export const WEBHOOK_SECRET = 'test-webhook-secret';

/**
 * A delivery as the webhook `init` set up on its repository sends it: signed with that
 * repository's own secret (src/intake/signature.ts hookSecret of WEBHOOK_SECRET and the
 * payload's `repository.full_name`).
 */
export function signedForBot(payload: unknown, options?: DeliveryOptions) {
  const repo = (payload as { repository?: { full_name?: string } }).repository?.full_name ?? '';
  return signDelivery(payload, hookSecret(WEBHOOK_SECRET, repo), options);
}
export const PROGRAM_REPO = 'fleet/program';

export type TestBot = {
  url: string;
  runtime: Runtime;
  /**
   * Signs and posts a delivery as Gitea would; returns the response. A comment created or edited
   * carries the issue and the commenter's permissions as the emulator holds them (Gitea builds
   * the payload as the comment is saved: FakeGitea.asCommentSaved), unless `asSent`.
   */
  deliver: (payload: DeliveryPayload, options?: DeliveryOptions) => Promise<Response>;
  stop: () => Promise<void>;
};

/** The real runtime (server + worker) on a test Redis, talking to the emulated Gitea. */
export async function startTestBot(
  redisUrl: string,
  gitea: FakeGitea,
  options: {
    config?: ProgramConfig;
    worker?: boolean;
    env?: Record<string, string>;
    log?: Logger;
    /**
     * Default true: start as a bot that was already running when the test seeded Gitea (its
     * catch-up cursor, when none is stored, is just past now), so the catch-up finds nothing the
     * test did not deliver. False: a first start, whose catch-up reads `catchUp.firstLookback` back.
     */
    caughtUp?: boolean;
  } = {},
): Promise<TestBot> {
  const config = options.config ?? defaultProgramConfig();
  if (options.caughtUp ?? true)
    await markCaughtUp(redisUrl, [PROGRAM_REPO, ...config.program.repos, ...config.quality.repos]);
  const env = loadEnv(
    {
      GITEA_URL: gitea.baseUrl,
      GITEA_TOKEN: gitea.token,
      WEBHOOK_SECRET,
      PROGRAM_REPO,
      REDIS_URL: redisUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: '5000',
      ...options.env,
    },
    'serve',
  );
  const runtime = await startRuntime({
    env,
    config,
    log: options.log ?? createLogger('silent'),
    server: true,
    worker: options.worker ?? true,
  });
  const url = `http://127.0.0.1:${runtime.port}`;
  return {
    url,
    runtime,
    deliver: (payload, deliveryOptions) => {
      const asGitea =
        'comment' in payload && payload.action !== 'deleted' && !deliveryOptions?.asSent
          ? gitea.asCommentSaved(payload)
          : payload;
      const { body, headers } = signedForBot(asGitea, deliveryOptions);
      return fetch(`${url}/webhooks/gitea`, { method: 'POST', body, headers });
    },
    stop: () => runtime.stop(),
  };
}

/** Stores each repo's catch-up cursor, unless one is stored, at the next whole second. */
async function markCaughtUp(redisUrl: string, repos: string[]) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const next = new Date((Math.floor(Date.now() / 1000) + 1) * 1000).toISOString();
  try {
    for (const repo of repos) await redis.set(cursorKey(repo), next, 'NX');
  } finally {
    redis.disconnect();
  }
}

/** Seeds the program repo: the bot as admin, a maintainer, an applicant. */
export function seedProgram(gitea: FakeGitea) {
  gitea.addRepo(PROGRAM_REPO);
  gitea.addUser('maint');
  gitea.addUser('alice');
  gitea.addUser('bob');
  gitea.addUser('carol');
  gitea.setPermission(PROGRAM_REPO, 'maint', 'admin');
  gitea.setPermission(PROGRAM_REPO, 'alice', 'read');
  gitea.setPermission(PROGRAM_REPO, 'bob', 'read');
  gitea.setPermission(PROGRAM_REPO, 'carol', 'read');
}

/** Polls until `check` stops throwing (or the time runs out, rethrowing its last error). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
