import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createReportStore } from '../../src/store/reports.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();

const comment = (body: string, id: number) =>
  commentPayload('created', body, {
    issue: { number: 3, labels: [], user: { login: 'maint' } },
    comment: {
      id,
      user: { login: 'bob' },
      created_at: '2026-11-24T08:00:00Z',
      updated_at: '2026-11-24T08:00:00Z',
    },
    sender: { login: 'bob' },
  });

describe('the road: a command shown as an example is not run', () => {
  it('stores no report from a four-backtick fence holding a three-backtick block, then the real one', async () => {
    seedProgram(gitea());
    gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops chatter', user: 'maint' });
    await createOperatorStore(redis.client).put(
      activeOperator('bob', { activatedAt: '2026-10-01T00:00:00.000Z' }),
    );
    const bot = await startTestBot(redis.url, gitea());
    try {
      const example =
        'Report like this:\n\n````\n```\n/report uptime=12 tasks=1/9 week=2026-W46\n```\n````\n';
      expect((await bot.deliver(comment(example, 801))).status).toBeLessThan(300);
      // A real report afterwards shows the worker ran: it is the only one stored.
      expect((await bot.deliver(comment('/report uptime=99.7 tasks=42/44', 802))).status).toBe(202);
      const answered = (id: number) =>
        gitea()
          .comments(PROGRAM_REPO, 3)
          .some((c) => c.body.includes(`operator-bot:reply ${id}`));
      await eventually(() => expect(answered(802)).toBe(true));
      expect(answered(801)).toBe(false);
      const reports = await createReportStore(redis.client).of('bob');
      expect(reports.map((r) => r.report.uptimePercent)).toEqual([99.7]);
    } finally {
      await bot.stop();
    }
  });
});
