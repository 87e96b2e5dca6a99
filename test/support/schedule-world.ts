import { createEventQueue } from '../../src/queue/event-queue.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from './bot.js';
import { spawnCli } from './cli.js';
import { fakeClock } from './fake-clock.js';
import { startHttpGitea } from './gitea-http.js';
import type { useRedis } from './redis.js';
import { activeOperator } from './workflows.js';

/**
 * A `worker` process whose wall clock starts at `start` (libfaketime: `clock.set` moves it while
 * it runs), on the test's Redis, against an emulated Gitea over HTTP with the program seeded and
 * bob active since October (he never reports: every reminder names him). `env` is added to the
 * worker's. What it starts is stopped by `cleanups` (run them after the test, last first).
 * `titles()`: the titles of the program issues opened so far.
 */
export async function scheduleWorld(
  redis: ReturnType<typeof useRedis>,
  start: string,
  cleanups: (() => Promise<void> | void)[],
  env: Record<string, string> = {},
) {
  const server = await startHttpGitea();
  cleanups.push(() => server.close());
  seedProgram(server.gitea);
  await createOperatorStore(redis.client).put(
    activeOperator('bob', { activatedAt: '2026-10-01T00:00:00.000Z' }),
  );
  const titles = () => {
    const found: string[] = [];
    for (let n = 1; n <= 40; n++) {
      const title = server.gitea.issue(PROGRAM_REPO, n)?.title;
      if (title) found.push(title);
    }
    return found;
  };
  const clock = fakeClock(start);
  cleanups.push(() => clock.remove());
  const child = spawnCli(['worker'], {
    env: {
      ...clock.env,
      REDIS_URL: redis.url,
      GITEA_URL: server.url,
      GITEA_TOKEN: server.gitea.token,
      PROGRAM_REPO,
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const queue = createEventQueue(redis.client);
  cleanups.push(() => queue.close());
  return { server, titles, clock, queue };
}
