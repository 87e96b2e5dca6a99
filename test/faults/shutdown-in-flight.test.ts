import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/redis/embedded.js';
import { eventually, PROGRAM_REPO, signedForBot, WEBHOOK_SECRET } from '../support/bot.js';
import { spawnCli } from '../support/cli.js';
import { keptCommentIds, startFaultRedis, statusDelivery, useCleanups } from '../support/fault-redis.js';
import { startHttpGitea } from '../support/gitea-http.js';

// `serve` stops on SIGTERM (a deploy, a restart): it stops listening, lets the requests in flight
// finish for up to SHUTDOWN_TIMEOUT_MS, then drops Redis and exits. Here the disk's fsync takes
// 300 ms, so deliveries are in flight in Redis at the signal and the 100 ms bound cuts them off:
// whatever each was answered (202, 503, or the connection closed), every 202 is in Redis.
// Measured: 40-45 answered 202, all kept; the 16 in flight at the signal got no answer (10 of
// them kept: Gitea shows them failed, and a replay is answered "duplicate"; the catch-up finds
// the others).

const cleanups = useCleanups();

const IN_FLIGHT = 16;
const FSYNC_MS = 300;

describe('serve stopped (SIGTERM) with deliveries in flight on a slow disk', () => {
  it('keeps every delivery it answered 202, and exits', { timeout: 60_000 }, async () => {
    const redis = await startFaultRedis(cleanups);
    const { disk } = redis;
    const gitea = await startHttpGitea();
    cleanups.push(() => gitea.close());
    gitea.gitea.addRepo(PROGRAM_REPO);
    gitea.gitea.addUser('alice');
    const port = await freePort();
    const serve = spawnCli(['serve', '--no-worker'], {
      env: {
        REDIS_URL: redis.url,
        GITEA_URL: gitea.url,
        GITEA_TOKEN: gitea.gitea.token,
        WEBHOOK_SECRET,
        PROGRAM_REPO,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: '100',
      },
    });
    const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
    cleanups.push(() => {
      if (serve.exitCode === null && serve.signalCode === null) serve.kill('SIGKILL');
    });
    const deliver = (id: number) => {
      const { body, headers } = signedForBot(statusDelivery(id));
      return fetch(`http://127.0.0.1:${port}/webhooks/gitea`, { method: 'POST', body, headers });
    };
    await eventually(async () => expect((await deliver(1)).status).toBe(202), 15_000);

    disk.slow(FSYNC_MS);
    const answers = new Map<number, number>();
    let next = 40_000;
    let stopped = false;
    let signalled = false;
    const sender = async () => {
      while (!stopped) {
        const id = next++;
        const response = await deliver(id).catch(() => undefined);
        answers.set(id, response?.status ?? 0);
        if (!response && signalled) stopped = true;
        if (!signalled && [...answers.values()].filter((s) => s === 202).length >= 40) {
          signalled = true;
          serve.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    expect(await exited).toBe(0);
    expect(disk.slowed()).toBeGreaterThan(0);

    disk.slow(0);
    const kept = await keptCommentIds(redis.url);
    const accepted = [...answers].filter(([, status]) => status === 202).map(([id]) => id);
    const cutOff = [...answers].filter(([, status]) => status !== 202);
    expect(cutOff.length).toBeGreaterThan(0);
    expect(accepted.filter((id) => !kept.has(id))).toEqual([]);
  });
});
