import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueKey } from '../../src/store/keys.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPingStore } from '../../src/store/pings.js';
import { createReportStore } from '../../src/store/reports.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { commentJobStates } from '../support/job-states.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

// A comment's delivery is decided without reading its issue (Gitea built it as the comment was
// saved: services/webhook/notifier.go CreateIssueComment), and an issue deleted since sends no
// webhook (go-gitea/gitea#34591). Before the bot writes anything of the comment outside Gitea
// (a report, a payment, a ping's answer: what payrolls are computed from), the issue must be
// known to exist: a write to it in Gitea that succeeded, or a read.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const ISSUE = '/repos/{owner}/{repo}/issues/{index}';
const POSTS = '/repos/{owner}/{repo}/issues/{index}/comments';
/** Written just now (Gitea's whole seconds): fresh, so decided on its delivery (issue-now.ts AS_OF_TRUSTED_MS). */
const writtenNow = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();

const report = (id: number, at = writtenNow()) =>
  gitea().asCommentSaved(
    commentPayload('created', '/report uptime=99.7 tasks=42/44', {
      issue: { number: 3, labels: [], user: { login: 'maint' } },
      comment: { id, user: { login: 'bob' }, created_at: at, updated_at: at },
      sender: { login: 'bob' },
    }),
  );

const jobStates = (id: number) => commentJobStates(redis.url, id);

beforeEach(async () => {
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops', user: 'maint' });
  await createOperatorStore(redis.client).put(
    activeOperator('bob', { activatedAt: '2026-10-01T00:00:00.000Z' }),
  );
  bot = await startTestBot(redis.url, gitea());
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a comment whose issue was deleted before the bot handled it', () => {
  it('a /report: no report counts toward the payroll, nothing is posted, the job ends', async () => {
    const written = report(801);
    gitea().deleteIssue(PROGRAM_REPO, 3);
    const posts = gitea().requestsTo('POST', POSTS).length;
    expect((await bot?.deliver(written, { asSent: true }))?.status).toBe(202);
    await eventually(async () => expect(await jobStates(801)).toEqual(['completed']));
    expect(gitea().requestsTo('GET', ISSUE).length).toBeGreaterThan(0);
    expect(await createReportStore(redis.client).of('bob')).toEqual([]);
    expect(gitea().requestsTo('POST', POSTS)).toHaveLength(posts);
  });

  it("a plain comment answering a maintainer's /ping: no answer is recorded (it counts toward the payroll)", async () => {
    const waiting = () => createPingStore(redis.client).waitingIn(issueKey(PROGRAM_REPO, 3));
    await bot?.deliver(
      commentPayload('created', '/ping @bob are you there?', {
        issue: { number: 3, labels: [], user: { login: 'maint' } },
        comment: { id: 803, user: { login: 'maint' } },
        sender: { login: 'maint' },
      }),
    );
    await eventually(async () => expect(await waiting()).toHaveLength(1));
    const answer = gitea().asCommentSaved(
      commentPayload('created', 'Here, looking into it.', {
        issue: { number: 3, labels: [], user: { login: 'maint' } },
        comment: { id: 804, user: { login: 'bob' }, created_at: writtenNow(), updated_at: writtenNow() },
        sender: { login: 'bob' },
      }),
    );
    gitea().deleteIssue(PROGRAM_REPO, 3);
    expect((await bot?.deliver(answer, { asSent: true }))?.status).toBe(202);
    await eventually(async () => expect(await jobStates(804)).toEqual(['completed']));
    expect(await waiting()).toHaveLength(1);
  });

  it('the same /report in an issue that is there: stored and answered, the issue read once', async () => {
    const reads = gitea().requestsTo('GET', ISSUE).length;
    expect((await bot?.deliver(report(802), { asSent: true }))?.status).toBe(202);
    await eventually(async () =>
      expect((await createReportStore(redis.client).of('bob'))[0]?.source.commentId).toBe(802),
    );
    await eventually(() =>
      expect(
        gitea()
          .comments(PROGRAM_REPO, 3)
          .some((c) => c.body.includes('operator-bot:reply 802 ')),
      ).toBe(true),
    );
    expect(gitea().requestsTo('GET', ISSUE)).toHaveLength(reads + 1);
  });
});
