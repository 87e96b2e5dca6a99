import { describe, expect, it } from 'vitest';
import { PROGRAM_REPO } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, payrollView } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

/**
 * Inputs whose handling threw (a job retried, then parked failed: silence for the person, and
 * the issue held behind it), each answered now with what is wrong and how to fix it. Found by
 * test/faults/never-silent.property.test.ts and by reading each store's schema against what
 * the decisions can produce.
 */
const redis = useRedis();
const gitea = useFakeGitea();
const QUESTION = 12;

const comments = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .map((c) => c.body);

describe('an operator reporting task counts beyond a safe sum', () => {
  it('is told the most a week may count, and the month’s payroll still opens', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    gitea().addIssue(PROGRAM_REPO, { number: QUESTION, title: 'Reports', body: '', user: 'bob' });
    const huge = 'tasks=9007199254740991/9007199254740991';
    for (const [i, week] of ['2026-W46', '2026-W47'].entries()) {
      await core.handle(
        commentIn(QUESTION, 'bob', `/report uptime=99 ${huge} week=${week}`, `2026-11-29T10:0${i}:00Z`, {
          labels: [],
          author: 'bob',
        }),
      );
    }
    expect(comments(QUESTION)).toEqual([
      expect.stringMatching(/too large to be a task count \(at most 1,000,000 a week\)/),
      expect.stringMatching(/too large to be a task count \(at most 1,000,000 a week\)/),
    ]);
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    expect(payrollView(gitea()).row('bob')).toContain('@bob');
  });
});
