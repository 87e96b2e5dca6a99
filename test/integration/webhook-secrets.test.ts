import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { jobIdFor } from '../../src/gitea/normalize.js';
import { hookSecret } from '../../src/intake/signature.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPeople } from '../../src/store/people.js';
import { startWithApplication as startApplication } from '../support/application-bot.js';
import {
  eventually,
  PROGRAM_REPO,
  seedProgram,
  signedForBot,
  startTestBot,
  type TestBot,
  WEBHOOK_SECRET,
} from '../support/bot.js';
import { commentPayload, issuePayload, label, signDelivery } from '../support/deliveries.js';
import type { FakeGitea } from '../support/gitea/index.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { commentJobStates, issueJobStates } from '../support/job-states.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import {
  asPerson,
  inSecond,
  MALLORY_PASSWORD,
  openSecondAlert,
  repliesTo,
  SECOND,
  startWithSecondRepo,
} from '../support/second-repo.js';
import { activeOperator } from '../support/workflows.js';
import { newFileDiff } from '../unit/domain/quality/planted.js';

// Each watched repository's webhook has its own secret (src/intake/signature.ts hookSecret): Gitea
// shows a hook's secret to every admin of its repository (Settings → Webhooks), and an admin of a
// quality repository is not a maintainer of the program.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
const QUALITY_REPO = 'fleet/quality';

/** Maintainer maint's `/approve` of application #7, as Gitea would build it; `repository` as given. */
const approve = (id: number, repository = PROGRAM_REPO) => {
  const payload = gitea().asCommentSaved(
    commentPayload('created', '/approve', {
      comment: { id, user: { login: 'maint' } },
      sender: { login: 'maint' },
    }),
  );
  return { ...payload, repository: { ...payload.repository, full_name: repository } };
};
const post = (delivery: { body: string; headers: Record<string, string> }) =>
  fetch(`${bot?.url}/webhooks/gitea`, { method: 'POST', ...delivery });
const labels = () => gitea().issueLabels(PROGRAM_REPO, 7);

beforeEach(() => {
  seedProgram(gitea());
  addApplicationIssue(gitea(), 'Application');
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a delivery is verified with the secret of the repository it names', () => {
  it("signed with another watched repository's hook secret (its admin can read it in Gitea): 401, and the application stays in screening", async () => {
    bot = await startApplication(redis.url, gitea());
    const forged = signDelivery(approve(9101), hookSecret(WEBHOOK_SECRET, QUALITY_REPO));
    const answer = await post(forged);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: string }).error).toContain('operator-bot init --repo');
    // A legitimate delivery after it is handled: the forged one was not queued before it.
    expect((await bot.deliver(commentPayload('created', '/status', { comment: { id: 9102 } }))).status).toBe(
      202,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(labels()).toContain('onboarding/screening');
    expect(
      gitea()
        .comments(PROGRAM_REPO, 7)
        .some((c) => c.body.includes('operator-bot:reply 9101 ')),
    ).toBe(false);
  });

  it('signed with WEBHOOK_SECRET itself (a hook set up before each repository had its own): 401', async () => {
    bot = await startApplication(redis.url, gitea());
    expect((await post(signDelivery(approve(9103), WEBHOOK_SECRET))).status).toBe(401);
    expect(labels()).toContain('onboarding/screening');
  });

  it('a payload renamed to another repository after signing (the signature no longer matches): 401', async () => {
    bot = await startApplication(redis.url, gitea());
    const signed = signedForBot(approve(9104, QUALITY_REPO));
    const renamed = signed.body.replace(`"full_name": "${QUALITY_REPO}"`, `"full_name": "${PROGRAM_REPO}"`);
    expect(renamed).not.toBe(signed.body);
    expect((await post({ ...signed, body: renamed })).status).toBe(401);
  });

  // Not a hole, kept as a guard: JSON.parse keeps the last of two members of one name, and the
  // secret that must sign the body and the repository the bot acts in are both read from the
  // parsed payload (never from the raw bytes), so they cannot disagree.
  it('two top-level "repository" members: the last one both names the secret and is where the bot acts', async () => {
    bot = await startApplication(redis.url, gitea());
    const quality = hookSecret(WEBHOOK_SECRET, QUALITY_REPO);
    const twice = (first: string, last: string) => {
      const payload = approve(9106, first);
      const signed = signDelivery(payload, quality);
      const repository = JSON.stringify({ ...payload.repository, full_name: last });
      const body = `${signed.body.trimEnd().slice(0, -1)},"repository":${repository}}`;
      const sha256 = createHmac('sha256', quality).update(body).digest('hex');
      const headers = {
        ...signed.headers,
        'X-Gitea-Signature': sha256,
        'X-Gogs-Signature': sha256,
        'X-Hub-Signature-256': `sha256=${sha256}`,
      };
      return { body, headers };
    };
    // The program's name last, signed with the quality repository's secret: refused.
    expect((await post(twice(QUALITY_REPO, PROGRAM_REPO))).status).toBe(401);
    // The quality repository's name last: verified, and about the quality repository only (a
    // comment there is no command of the program).
    expect((await post(twice(PROGRAM_REPO, QUALITY_REPO))).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(labels()).toContain('onboarding/screening');
  });

  it("signed with its own repository's secret: obeyed", async () => {
    bot = await startApplication(redis.url, gitea());
    expect((await post(signedForBot(approve(9105)))).status).toBe(202);
    await eventually(() => expect(labels()).toContain('onboarding/training'));
  });
});

// The quality repository's admin can sign any delivery in that repository's name, with any
// `sender`: what the bot learns from it must stay in that repository (its quality checks).
describe("a quality repository's hook secret speaks for nobody outside it", () => {
  const HEAD = 'd'.repeat(40);

  it("a pull request push signed with it, its sender forged as alice's user id under another login: alice is not renamed (the operators list and payroll tables name people by what the bot learnt)", async () => {
    const g = gitea();
    g.addRepo(QUALITY_REPO);
    const pull = g.addPullRequest(QUALITY_REPO, {
      number: 3,
      title: 'Tidy',
      body: 'Closes #1',
      user: 'bob',
      commits: [
        {
          sha: HEAD,
          message: 'Tidy\n\nSigned-off-by: Bob Builder <bob@example.org>',
          author: { name: 'Bob Builder', email: 'bob@example.org' },
        },
      ],
      diff: newFileDiff('src/tidy.ts', ['export const tidy = true;']),
    });
    bot = await startApplication(redis.url, g);
    await bot.stop();
    // The same bot, watching the quality repository (alice, the applicant, is known by her id).
    bot = await startTestBot(redis.url, g, {
      config: parseProgramConfig(`quality:\n  repos: ["${QUALITY_REPO}"]\n`),
    });
    const people = createPeople(redis.client);
    const aliceId = (await people.seen()).idOfLogin.get('alice');
    expect(aliceId).toBeTypeOf('number');

    const { repository } = issuePayload('opened');
    const quality = { ...repository, full_name: QUALITY_REPO, name: 'quality' };
    const forged = { ...repository.owner, id: aliceId as number, login: 'mallory', username: 'mallory' };
    const push = {
      action: 'synchronized',
      number: 3,
      pull_request: {
        id: pull.id,
        number: 3,
        user: forged,
        title: pull.title,
        body: pull.body,
        state: 'open',
        html_url: pull.html_url,
        head: { label: 'tidy', ref: 'tidy', sha: HEAD, repo_id: quality.id },
        base: { label: 'main', ref: 'main', sha: 'b'.repeat(40), repo_id: quality.id },
        created_at: pull.created_at,
        updated_at: pull.updated_at,
      },
      repository: quality,
      sender: forged,
      commit_id: '',
    };
    const answer = await post(signDelivery(push, hookSecret(WEBHOOK_SECRET, QUALITY_REPO)));
    expect(answer.status).toBe(202);
    // Handled: its quality check ran in the quality repository.
    await eventually(() =>
      expect(g.statuses(QUALITY_REPO, HEAD)).toEqual([
        expect.objectContaining({ context: 'operator-bot/quality' }),
      ]),
    );
    const seen = await people.seen();
    expect(seen.loginOfId.get(aliceId as number)).toBe('alice');
    expect(seen.idOfLogin.get('mallory')).toBeUndefined();
  });
});

// A program.repos repository's admin reads its hook secret as well, and is no maintainer
// (maintainers.ts: PROGRAM_REPO's admins are): a comment delivery from it is read back from Gitea.
describe('a comment delivery from another program repository is confirmed with Gitea', () => {
  async function setUp() {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bot = second.bot;
    return second;
  }
  const openAlert = (g: FakeGitea) => openSecondAlert(g, bot as TestBot);
  const patchAs = (g: FakeGitea, login: string, password: string, path: string, body: object) =>
    asPerson(g, login, password, 'PATCH', path, body);
  const replies = repliesTo;

  it("signed with its hook secret as maint, on mallory's own comment: decided as hers (refused), maint's own comment is obeyed", async () => {
    const { g, maint, delivery } = await setUp();
    const hers = g.addComment(SECOND, 1, { user: 'mallory', body: '/ping @bob are you there?' });
    const forged = signDelivery(delivery(hers.id, hers.body, maint), hookSecret(WEBHOOK_SECRET, SECOND));
    expect((await post(forged)).status).toBe(202);
    const his = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol are you there?' });
    expect((await post(signedForBot(delivery(his.id, his.body, maint)))).status).toBe(202);
    // Handled in order (one issue): once maint's is answered, the forged one was decided.
    await eventually(() => expect(replies(g, his.id)).toHaveLength(1));
    expect(replies(g, his.id)[0]?.body).not.toContain('only a maintainer');
    expect(replies(g, hers.id)).toHaveLength(1);
    expect(replies(g, hers.id)[0]?.body).toContain('only a maintainer may use this');
  });

  it("mallory's own comment in her own issue, delivered with a copy of the issue as bob's exit notice: bob's exit does not start", async () => {
    const { g, delivery } = await setUp();
    await createOperatorStore(redis.client).put(activeOperator('bob'));
    g.addIssue(SECOND, { number: 2, title: 'Notes', user: 'mallory' });
    const hers = g.addComment(SECOND, 2, { user: 'mallory', body: '/status' });
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    const mallory = (await api.userByLogin('mallory')) as { id: number; login: string };
    const bob = (await api.userByLogin('bob')) as { id: number; login: string };
    const real = delivery(hers.id, hers.body, mallory);
    const forged = {
      ...real,
      // Written now: within the 5 s a comment delivery's copy of its issue is trusted (issue-now.ts).
      comment: { ...real.comment, created_at: new Date().toISOString() },
      issue: {
        ...real.issue,
        number: 2,
        user: { ...real.issue.user, id: bob.id, login: 'bob' },
        labels: [label('exit-notice')],
      },
    };
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    // Decided: mallory's `/status` is answered (an issue without a workflow says so).
    await eventually(() =>
      expect(
        g
          .comments(SECOND, 2)
          .some((c) => c.user.login === g.botLogin && c.body.includes(`reply ${hers.id} `)),
      ).toBe(true),
    );
    expect(g.issueLabels(SECOND, 2).filter((name) => name.startsWith('exit/'))).toEqual([]);
    expect(await redis.client.keys('*exit*bob*')).toEqual([]);
  });

  it("mallory's own exit notice, delivered as opened by bob: bob's exit does not start (the issue's author is read from Gitea)", async () => {
    const { g } = await setUp();
    await createOperatorStore(redis.client).put(activeOperator('bob'));
    const hers = g.addIssue(SECOND, {
      number: 3,
      title: 'Exit notice',
      user: 'mallory',
      labels: ['exit-notice'],
    });
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    const bob = (await api.userByLogin('bob')) as { id: number; login: string };
    const opened = issuePayload('opened', {
      number: 3,
      issue: {
        id: hers.id,
        number: 3,
        title: hers.title,
        user: { id: bob.id, login: 'bob' },
        labels: [label('exit-notice')],
      },
      sender: { id: bob.id, login: 'bob' },
    });
    const forged = { ...opened, repository: { ...opened.repository, full_name: SECOND, name: 'second' } };
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    // Decided: the notice is refused (mallory is no operator) and the issue closed.
    await eventually(() => expect(g.issueLabels(SECOND, 3)).toContain('exit/refused'));
    expect(g.issueLabels(SECOND, 3)).not.toContain('exit/notice');
  });

  it("an alert closed by mallory, delivered as closed by maint: not resolved; reopened as anyone else's close", async () => {
    const { g, maint } = await setUp();
    const { alert } = await openAlert(g);
    // mallory, admin of the repository, closes it in Gitea (she may; resolving is the responsible
    // operator's or a maintainer's), and delivers the close as maint's.
    const closing = await patchAs(g, 'mallory', MALLORY_PASSWORD, 'issues/9', { state: 'closed' });
    expect(closing.status).toBe(201);
    const closed = g.issue(SECOND, 9);
    const forged = inSecond(
      issuePayload('closed', {
        number: 9,
        issue: { id: alert.id, number: 9, title: alert.title, state: 'closed', closed_at: closed?.closed_at },
        sender: { id: maint.id, login: 'maint' },
      }),
    );
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    // The reopen is written before its note: wait for both.
    await eventually(() => {
      expect(g.issue(SECOND, 9)?.state).toBe('open');
      expect(g.comments(SECOND, 9).some((c) => c.body.includes('@mallory: only'))).toBe(true);
    });
    expect(g.issueLabels(SECOND, 9)).not.toContain('alert/resolved');
  });

  it("mallory's issue delivered as opened by alice's user id under the login 'ghost': alice is not renamed", async () => {
    const { g } = await setUp();
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    const alice = (await api.userByLogin('alice')) as { id: number; login: string };
    const people = createPeople(redis.client);
    await people.learn(alice.id, 'alice');
    const hers = g.addIssue(SECOND, {
      number: 4,
      title: 'Exit notice',
      user: 'mallory',
      labels: ['exit-notice'],
    });
    const as = { id: alice.id, login: 'ghost' };
    const opened = issuePayload('opened', {
      number: 4,
      issue: { id: hers.id, number: 4, title: hers.title, labels: [label('exit-notice')] },
    });
    const forged = {
      ...opened,
      issue: { ...opened.issue, user: { ...opened.issue.user, ...as } },
      sender: { ...opened.sender, ...as },
      repository: { ...opened.repository, full_name: SECOND, name: 'second' },
    };
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    await eventually(() => expect(g.issueLabels(SECOND, 4)).toContain('exit/refused'));
    expect((await people.seen()).loginOfId.get(alice.id)).toBe('alice');
  });

  // Gitea's comment and issue ids are global (one sequence for the instance), and a delivery is
  // deduplicated by what it is about: its repository must be part of that, or a delivery signed
  // for this repository could take the key of a program repository's comment before it comes.
  it("a delivery forged in it with the id of maint's comment in PROGRAM_REPO: maint's comment is still obeyed", async () => {
    const { g, maint, delivery } = await setUp();
    const his = g.addComment(PROGRAM_REPO, 7, { user: 'maint', body: '/help' });
    const forged = delivery(his.id, '/help', maint);
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    const real = commentPayload('created', '/help', {
      comment: { id: his.id, user: { id: maint.id, login: 'maint' } },
      sender: { id: maint.id, login: 'maint' },
    });
    expect((await bot?.deliver(real))?.status).toBe(202);
    await eventually(() =>
      expect(g.comments(PROGRAM_REPO, 7).some((c) => c.body.includes(`operator-bot:reply ${his.id} `))).toBe(
        true,
      ),
    );
  });

  it('an alert mallory assigned to herself, delivered as assigned by maint: she does not become its responsible operator', async () => {
    const { g, maint, delivery } = await setUp();
    const { alert, issue } = await openAlert(g);
    const assigning = await patchAs(g, 'mallory', MALLORY_PASSWORD, 'issues/9', { assignees: ['mallory'] });
    expect(assigning.status).toBe(201);
    const now = g.issue(SECOND, 9);
    const forged = inSecond(
      issuePayload('assigned', {
        number: 9,
        issue: { ...issue, assignees: now?.assignees ?? [], assignee: now?.assignee ?? null },
        sender: { id: maint.id, login: 'maint' },
      }),
    );
    expect((await post(signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND)))).status).toBe(202);
    // maint's /status after it, in the same issue (handled in order): the alert's status then.
    const his = g.addComment(SECOND, 9, { user: 'maint', body: '/status' });
    const status = delivery(his.id, his.body, maint);
    const later = { ...status, issue: { ...status.issue, id: alert.id, number: 9 } };
    expect((await post(signedForBot(g.asCommentSaved(later)))).status).toBe(202);
    await eventually(() =>
      expect(g.comments(SECOND, 9).some((c) => c.body.includes(`operator-bot:reply ${his.id} `))).toBe(true),
    );
    const state = g.comments(SECOND, 9).find((c) => c.body.includes('operator-bot:state'));
    expect(state?.body).not.toMatch(/mallory/);
  });

  it('the id of a timeline entry that is no comment (a close: Gitea answers 204, no body): not obeyed, and the job ends, not parked as failed', async () => {
    const { g, maint, delivery } = await setUp();
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    await api.setIssueState(repoRef(SECOND), 1, 'closed');
    await api.setIssueState(repoRef(SECOND), 1, 'open');
    const close = (await api.timeline(repoRef(SECOND), 1)).find((entry) => entry.type === 'close');
    const id = close?.id ?? 0;
    expect(id).toBeGreaterThan(0);
    const secret = hookSecret(WEBHOOK_SECRET, SECOND);
    expect((await post(signDelivery(delivery(id, '/ping @bob now', maint), secret))).status).toBe(202);
    const real = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect((await post(signedForBot(delivery(real.id, real.body, maint)))).status).toBe(202);
    await eventually(() => expect(replies(g, real.id)).toHaveLength(1));
    expect(replies(g, id)).toEqual([]);
    // Ended and let go (its dedupe mark and job), not retried.
    const seen = `ob:seen:${jobIdFor(`${SECOND}|comment/${id}/created|1`)}`;
    await eventually(async () => {
      expect(await redis.client.exists(seen)).toBe(0);
      expect(await commentJobStates(redis.url, id)).toEqual([]);
    });
  });

  // Gitea sends no webhook when an issue is deleted (go-gitea/gitea#34591), and its timeline then
  // answers 404 (routers/api/v1/repo/issue_comment.go ListIssueCommentsAndTimeline).
  it.each(['closed', 'reopened', 'assigned'] as const)(
    'a delivery of an issue %s, the issue deleted before it is handled: the job ends, not parked as failed',
    async (action) => {
      const { g, maint } = await setUp();
      const gone = g.addIssue(SECOND, { number: 5, title: 'Gateway down', user: 'bob' });
      const payload = issuePayload(action, {
        number: 5,
        issue: { id: gone.id, number: 5, title: gone.title },
        sender: { id: maint.id, login: 'maint' },
      });
      g.deleteIssue(SECOND, 5);
      expect((await bot?.deliver(inSecond(payload)))?.status).toBe(202);
      // Ended and let go (its dedupe mark, the only one, and its job), not retried.
      await eventually(async () => {
        expect(await redis.client.keys('ob:seen:*')).toEqual([]);
        expect(await issueJobStates(redis.url, SECOND, 5, `issue.${action}`)).toEqual([]);
      });
    },
  );

  it('a comment its writer edited before its delivery was handled: answered (as Gitea has it now), not dropped in silence', async () => {
    const { g, delivery } = await setUp();
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    const mallory = (await api.userByLogin('mallory')) as { id: number; login: string };
    const hers = g.addComment(SECOND, 1, { user: 'mallory', body: '/help' });
    const editing = await patchAs(g, 'mallory', MALLORY_PASSWORD, `issues/comments/${hers.id}`, {
      body: '/help (typo fixed)',
    });
    expect(editing.status).toBe(200);
    // Gitea's delivery of the comment as it was written.
    expect((await post(signedForBot(delivery(hers.id, '/help', mallory)))).status).toBe(202);
    await eventually(() => expect(replies(g, hers.id)).toHaveLength(1));
  });

  it("an alert a maintainer closed and reopened, delivered as closed again while open: not resolved (Gitea's newest open or close is the reopen)", async () => {
    const { g } = await setUp();
    g.addUser('boss', { password: 'boss-password' });
    g.setPermission(PROGRAM_REPO, 'boss', 'admin');
    g.setPermission(SECOND, 'boss', 'write');
    const { issue } = await openAlert(g);
    const asBoss = (state: string) => patchAs(g, 'boss', 'boss-password', 'issues/9', { state });
    // boss closes it and, before the bot hears of it, opens it again (deliveries lost).
    expect((await asBoss('closed')).status).toBe(201);
    expect((await asBoss('open')).status).toBe(201);
    const forged = inSecond(
      issuePayload('closed', {
        number: 9,
        issue: { ...issue, state: 'closed', closed_at: new Date().toISOString() },
        sender: { login: 'boss' },
      }),
    );
    const signed = signDelivery(forged, hookSecret(WEBHOOK_SECRET, SECOND));
    expect((await post(signed)).status).toBe(202);
    // Handled: not confirmed, and let go (its job and its dedupe mark: the same delivery is taken
    // again, not answered as a duplicate; counting marks would race with the catch-up's own).
    await eventually(async () => {
      expect(await issueJobStates(redis.url, SECOND, 9, 'issue.closed')).toEqual([]);
    });
    expect((await post(signed)).status).toBe(202);
    await eventually(async () => {
      expect(await issueJobStates(redis.url, SECOND, 9, 'issue.closed')).toEqual([]);
    });
    expect(g.issue(SECOND, 9)?.state).toBe('open');
    // Not resolved (the payload's old creation date may have let the acknowledgement deadline
    // pass meanwhile: escalated is still unresolved).
    expect(g.issueLabels(SECOND, 9)).not.toContain('alert/resolved');
    expect(g.issueLabels(SECOND, 9).some((name) => ['alert/open', 'alert/escalated'].includes(name))).toBe(
      true,
    );
  });

  // Gitea's comment ids are one sequence for the instance (models/issues/comment.go: the table's
  // autoincrement id), so the next one is known in advance.
  it("a delivery signed with its hook secret for the comment id Gitea will give next: maint's comment later written with it is obeyed", async () => {
    const { g, maint, delivery } = await setUp();
    const last = g.addComment(SECOND, 1, { user: 'bob', body: 'hello' });
    const next = last.id + 1;
    const secret = hookSecret(WEBHOOK_SECRET, SECOND);
    expect((await post(signDelivery(delivery(next, '/ping @bob now', maint), secret))).status).toBe(202);
    // Handled (not confirmed: Gitea has no such comment yet), and let go.
    await eventually(async () => expect(await commentJobStates(redis.url, next)).toEqual([]));
    const his = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect(his.id).toBe(next);
    expect((await post(signedForBot(delivery(his.id, his.body, maint)))).status).toBe(202);
    await eventually(() => expect(replies(g, his.id)).toHaveLength(1));
  });

  it("mallory's own comment delivered with her user id under maint's login: decided as hers, not maint's", async () => {
    const { g, delivery } = await setUp();
    const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
    const mallory = (await api.userByLogin('mallory')) as { id: number; login: string };
    const hers = g.addComment(SECOND, 1, { user: 'mallory', body: '/ping @bob are you there?' });
    const forged = signDelivery(
      delivery(hers.id, hers.body, { id: mallory.id, login: 'maint' }),
      hookSecret(WEBHOOK_SECRET, SECOND),
    );
    expect((await post(forged)).status).toBe(202);
    await eventually(() => expect(replies(g, hers.id)).toHaveLength(1));
    expect(replies(g, hers.id)[0]?.body).toContain('only a maintainer may use this');
  });

  it('a forged text on a real comment of maint, or a comment id Gitea does not have: not obeyed', async () => {
    const { g, maint, delivery } = await setUp();
    const his = g.addComment(SECOND, 1, { user: 'maint', body: 'thanks all' });
    const secret = hookSecret(WEBHOOK_SECRET, SECOND);
    expect((await post(signDelivery(delivery(his.id, '/ping @bob now', maint), secret))).status).toBe(202);
    expect((await post(signDelivery(delivery(his.id + 1000, '/ping @bob?', maint), secret))).status).toBe(
      202,
    );
    const real = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect((await post(signedForBot(delivery(real.id, real.body, maint)))).status).toBe(202);
    await eventually(() => expect(replies(g, real.id)).toHaveLength(1));
    expect([...replies(g, his.id), ...replies(g, his.id + 1000)]).toEqual([]);
  });
});
