import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/redis/embedded.js';
import { createIntakePresence } from '../../src/store/intake-presence.js';
import { eventually, PROGRAM_REPO, seedProgram, WEBHOOK_SECRET } from '../support/bot.js';
import { spawnCli } from '../support/cli.js';
import { fakeClock } from '../support/fake-clock.js';
import { startHttpGitea } from '../support/gitea-http.js';
import { useRedis } from '../support/redis.js';

// Intake processes say they run in Redis (src/store/intake-presence.ts); with more than one, each
// comment's issue is read from Gitea. The beats are scored by Redis's clock: an intake on a host
// whose clock is behind the workers' must still count.

const redis = useRedis();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `YYYY-MM-DD HH:MM:SS` (UTC) `ms` from now. */
const wallClock = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19).replace('T', ' ');

describe('intake presence across hosts whose clocks differ (libfaketime)', () => {
  it('a `serve --no-worker` whose clock is a minute behind counts as running, and leaves when stopped', async () => {
    const server = await startHttpGitea();
    cleanups.push(() => server.close());
    seedProgram(server.gitea);
    const clock = fakeClock(wallClock(-60_000));
    cleanups.push(() => clock.remove());
    const child = spawnCli(['serve', '--no-worker'], {
      env: {
        ...clock.env,
        REDIS_URL: redis.url,
        GITEA_URL: server.url,
        GITEA_TOKEN: server.gitea.token,
        WEBHOOK_SECRET,
        PROGRAM_REPO,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const presence = createIntakePresence(redis.client);
    await eventually(async () => expect(await presence.running()).toBe(1), 15_000);
    // Still counted seconds later: each beat is scored now by Redis, not a minute ago by the host.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await presence.running()).toBe(1);
    child.kill('SIGTERM');
    await exited;
    expect(await presence.running()).toBe(0);
  });
});
