import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, payrollView } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';
import { activeOperator, completeForm } from '../support/workflows.js';

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

const APPLICATION = 7;
let commentId = 4000;
const inApplication = (login: string, body: string, at: string) =>
  commentPayload('created', body, {
    issue: { number: APPLICATION, body: completeForm },
    comment: { id: ++commentId, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
const repliesIn = (issue: number) => comments(issue).filter((body) => body.includes('operator-bot:reply'));

/** Alice's application #7 handled up to certification (approved, trained, shadow week done). */
async function inCertification() {
  seedProgram(gitea());
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  gitea().addIssue(PROGRAM_REPO, {
    number: APPLICATION,
    title: 'Operator application: alice',
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });
  const core = testCore(redis.client, gitea());
  const at = '2026-10-01T09:00:00Z';
  await core.handle(
    issuePayload('opened', {
      issue: { number: APPLICATION, body: completeForm, created_at: at, updated_at: at },
      sender: { login: 'alice' },
    }),
  );
  await core.handle(inApplication('maint', '/approve', '2026-10-02T09:00:00Z'));
  await core.handle(
    inApplication('alice', '/module 1\n/module 2\n/module 3\n/module 4\n/module 5', '2026-10-03T09:00:00Z'),
  );
  await core.handle(inApplication('maint', '/quiz 86', '2026-10-05T09:00:00Z'));
  await core.handle(inApplication('maint', '/shadow @bob', '2026-10-05T10:00:00Z'));
  await core.fire(/shadow/);
  expect(gitea().issueLabels(PROGRAM_REPO, APPLICATION)).toContain('onboarding/certification');
  return core;
}

describe('a task count in an application beyond a safe integer', () => {
  it('is answered with the range, and the application goes on', async () => {
    const core = await inCertification();
    const before = repliesIn(APPLICATION).length;
    await core.handle(inApplication('maint', '/tasks 99999999999999999999', '2026-10-14T09:00:00Z'));
    await core.handle(inApplication('maint', '/tasks 10', '2026-10-14T10:00:00Z'));
    const replies = repliesIn(APPLICATION).slice(before);
    expect(replies[0]).toMatch(
      /give the number of completed dispatched tasks, a whole number up to 1,000,000/,
    );
    expect(replies[1]).toMatch(/10 of 10 dispatched tasks completed/);
  });
});
