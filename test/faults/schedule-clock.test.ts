import { afterEach, describe, expect, it } from 'vitest';
import { createEventQueue } from '../../src/queue/event-queue.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { eventually, PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { spawnCli } from '../support/cli.js';
import { fakeClock } from '../support/fake-clock.js';
import { startHttpGitea } from '../support/gitea-http.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const at = (iso: string) => Date.parse(iso);

describe('scheduled runs under a moving clock (real BullMQ promotion, libfaketime)', () => {
  it('each run covers the period of its slot, though its job was made the week or month before', async () => {
    const server = await startHttpGitea();
    cleanups.push(() => server.close());
    seedProgram(server.gitea);
    // bob has been active since October and never reports: every Monday's reminder names him.
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

    const clock = fakeClock('2026-11-23 08:59:40');
    cleanups.push(() => clock.remove());
    const child = spawnCli(['worker'], {
      env: {
        ...clock.env,
        REDIS_URL: redis.url,
        GITEA_URL: server.url,
        GITEA_TOKEN: server.gitea.token,
        PROGRAM_REPO,
        LOG_LEVEL: 'silent',
      },
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    // The worker registers its schedulers on Monday 23 November: the month close's job is made now.
    const queue = createEventQueue(redis.client);
    cleanups.push(() => queue.close());
    await eventually(async () => {
      expect((await queue.getJobScheduler('weeklyReminder'))?.next).toBe(at('2026-11-23T09:00:00Z'));
      expect((await queue.getJobScheduler('monthClose'))?.next).toBe(at('2026-12-01T06:00:00Z'));
    }, 20_000);
    const monthJob = await queue.getJob(`repeat:monthClose:${at('2026-12-01T06:00:00Z')}`);
    expect(new Date(monthJob?.timestamp ?? 0).toISOString().slice(0, 7)).toBe('2026-11');

    clock.set('2026-11-23 09:00:00');
    await eventually(() => expect(titles()).toContain('Weekly reports 2026-W47'), 25_000);

    // A week later, same process: the job for this Monday was made at last Monday's run.
    clock.set('2026-11-30 09:00:00');
    await eventually(() => expect(titles()).toContain('Weekly reports 2026-W48'), 25_000);

    // Across the month end, same process: the 1st's run closes November.
    clock.set('2026-12-01 06:00:00');
    await eventually(() => expect(titles()).toContain('Payroll 2026-11'), 25_000);
    expect(titles()).not.toContain('Payroll 2026-10');
    expect(titles().filter((t) => t.startsWith('Weekly reports'))).toEqual([
      'Weekly reports 2026-W47',
      'Weekly reports 2026-W48',
    ]);
  }, 120_000);
});
