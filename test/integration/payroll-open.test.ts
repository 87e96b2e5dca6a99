import { describe, expect, it, vi } from 'vitest';
import { runPayrollOpen } from '../../src/cli/payroll.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createLogger } from '../../src/logger.js';
import { createEventQueue } from '../../src/queue/event-queue.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();

describe('payroll open --month M, run by hand', () => {
  it('opens the payroll now and leaves the approval reminder on the queue for its due time', async () => {
    seedProgram(gitea());
    await createOperatorStore(redis.client).put(activeOperator('alice'));
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const dueAt = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) + 7 * 86_400_000;
    const env = loadEnv(
      {
        GITEA_URL: gitea().baseUrl,
        GITEA_TOKEN: gitea().token,
        PROGRAM_REPO,
        REDIS_URL: redis.url,
        LOG_LEVEL: 'silent',
      },
      'worker',
    );
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runPayrollOpen(env, defaultProgramConfig(), createLogger('silent'), month)).toBe(0);
    print.mockRestore();

    const issue = gitea().issue(PROGRAM_REPO, 1);
    expect(issue?.title).toBe(`Payroll ${month}`);
    expect(gitea().issueLabels(PROGRAM_REPO, 1)).toContain('payroll/review');
    expect(
      gitea()
        .comments(PROGRAM_REPO, 1)
        .some((c) => c.body.includes('not approved yet')),
    ).toBe(false);

    const queue = createEventQueue(redis.client);
    try {
      const delayed = await queue.getDelayed();
      const reminder = delayed.find((job) => job.id?.includes('approvalDue'));
      expect(reminder).toBeDefined();
      expect((reminder?.timestamp ?? 0) + (reminder?.delay ?? 0)).toBeGreaterThanOrEqual(dueAt - 5_000);
      expect((reminder?.timestamp ?? 0) + (reminder?.delay ?? 0)).toBeLessThanOrEqual(dueAt + 5_000);
    } finally {
      await queue.close();
    }
  });
});
