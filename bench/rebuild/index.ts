import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { rebuild } from '../../src/rebuild/rebuild.js';
import { loadTemplates } from '../../src/templates.js';
import { startHttpGitea } from '../../test/support/gitea-http.js';
import { completeForm } from '../../test/support/workflows.js';
import { privateRedis } from '../lib/redis.js';

export type RebuildResult = { issues: number; events: number; ms: number; msPer1000: number };

const REPO = 'fleet/program';

/**
 * `operator-bot rebuild` over `issues` applications, each with two commands (a maintainer's
 * /approve and the applicant's /module 1), served by the Gitea emulator over loopback HTTP.
 * The emulator runs in this process, so its work is counted too: the figure is an upper bound.
 */
export async function benchRebuild(options: { issues: number }): Promise<RebuildResult> {
  const server = await startHttpGitea();
  const redis = await privateRedis();
  try {
    const { gitea } = server;
    gitea.addRepo(REPO);
    gitea.addUser('maint');
    gitea.setPermission(REPO, 'maint', 'admin');
    for (let i = 0; i < options.issues; i++) {
      const login = `applicant${i}`;
      gitea.addUser(login);
      const issue = gitea.addIssue(REPO, {
        title: `Application ${i}`,
        body: completeForm,
        user: login,
        labels: ['operator-application'],
      });
      gitea.addComment(REPO, issue.number, { user: 'maint', body: '/approve' });
      gitea.addComment(REPO, issue.number, { user: login, body: '/module 1' });
    }
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const started = performance.now();
    const result = await rebuild({
      redis: client,
      gitea: createGiteaClient({ baseUrl: server.url, token: gitea.token, timeoutMs: 10_000 }),
      config: defaultProgramConfig(),
      templates: loadTemplates(),
      programRepo: REPO,
      repos: [REPO],
      botLogin: gitea.botLogin,
      markerSecret: gitea.token,
      log: createLogger('silent'),
      now: new Date().toISOString(),
      scheduleFuture: async () => undefined,
    });
    const ms = performance.now() - started;
    client.disconnect();
    return { issues: result.issues, events: result.events, ms, msPer1000: (ms / result.issues) * 1000 };
  } finally {
    await redis.stop();
    await server.close();
  }
}
