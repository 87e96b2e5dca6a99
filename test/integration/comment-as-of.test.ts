import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { startWithApplication as startApplication } from '../support/application-bot.js';
import { eventually, PROGRAM_REPO, seedProgram, type TestBot } from '../support/bot.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { commentJobStates } from '../support/job-states.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { activeOperator, completeForm } from '../support/workflows.js';

// Issue #19: a command cost a read of the issue and of the commenter's permission before its
// writes. Gitea builds a comment's delivery as the comment is saved (services/webhook/notifier.go
// CreateIssueComment): the issue as it was then and the commenter's access to the repository. In
// event order, that is the issue the command is decided on; only the bot's own close or reopen
// since is not in it.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const ISSUE = '/repos/{owner}/{repo}/issues/{index}';
const PERMISSION = '/repos/{owner}/{repo}/collaborators/{collaborator}/permission';
const replies = (to: number) =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .filter((c) => c.body.includes(`operator-bot:reply ${to} `));
/** Written now, after the issue was made and labelled (Gitea's whole seconds, the next one). */
const writtenAt = () => new Date(Math.floor(Date.now() / 1000 + 1) * 1000).toISOString();
const command = (id: number, body: string, login = 'alice') => {
  const at = writtenAt();
  return commentPayload('created', body, {
    comment: { id, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
};
const requestsSince = (from: number) =>
  gitea()
    .requests.slice(from)
    .map((r) => `${r.method} ${r.path}`);

const CATCH_UP_READ = '/repos/{owner}/{repo}/issues/comments';
/** Until Gitea got no request for 300 ms. */
async function quiet() {
  for (let seen = -1; seen !== gitea().requests.length; ) {
    seen = gitea().requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const jobStates = (id: number) => commentJobStates(redis.url, id);

async function startWithApplication() {
  bot = await startApplication(redis.url, gitea());
  // The catch-up's runs at start (they may find the issue the bot just labelled) are over.
  await eventually(() => expect(gitea().requestsTo('GET', CATCH_UP_READ).length).toBeGreaterThanOrEqual(2));
  await quiet();
  return bot;
}

beforeEach(() => {
  seedProgram(gitea());
  for (const login of ['wendy', 'oscar', 'mallory']) gitea().addUser(login);
  gitea().setPermission(PROGRAM_REPO, 'wendy', 'write');
  addApplicationIssue(gitea(), 'Application');
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a comment is decided as its delivery says Gitea had the issue when it was written', () => {
  it('/approve by a repository admin: the label, the status comment and the answer, nothing read', async () => {
    const running = await startWithApplication();
    const before = gitea().requests.length;
    await running.deliver(command(901, '/approve', 'maint'));
    await eventually(() =>
      expect(gitea().comments(PROGRAM_REPO, 7).at(-1)?.body).toContain('finish training modules'),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training');
    // (The catch-up's list reads and the repo label made once per process are not the command's.)
    // The emulator logs a request once it has answered it: the last one may be logged just after
    // its comment shows.
    await eventually(() =>
      expect(requestsSince(before).filter((r) => /\/issues\/(7|comments\/\d+)(\/|$)/.test(r))).toEqual([
        'POST /repos/fleet/program/issues/7/labels',
        'PATCH /repos/fleet/program/issues/comments/5003',
        'POST /repos/fleet/program/issues/7/comments',
      ]),
    );
    await quiet();
    expect(requestsSince(before).filter((r) => /\/issues\/(7|comments\/\d+)(\/|$)/.test(r))).toHaveLength(3);
    expect(gitea().requestsTo('GET', PERMISSION)).toEqual([]);
  });

  it.each([
    ['an outsider', 'mallory'],
    ['a writer who is no maintainer', 'wendy'],
    ['an active operator', 'oscar'],
    ['the applicant', 'alice'],
  ])('/approve by %s: Gitea is asked, the command refused, the state unchanged', async (_who, login) => {
    const connection = new Redis(redis.url);
    await createOperatorStore(connection).put(activeOperator('oscar'));
    connection.disconnect();
    const running = await startWithApplication();
    const before = gitea().requestsTo('GET', PERMISSION).length;
    await running.deliver(command(902, '/approve', login));
    await eventually(() => expect(replies(902)).toHaveLength(1));
    expect(replies(902)[0]?.body).toContain('only a maintainer may use this.');
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening');
    expect(
      gitea()
        .requestsTo('GET', PERMISSION)
        .slice(before)
        .map((r) => r.path.split('/')[5]),
    ).toEqual([login]);
  });

  it('text that claims the role does nothing: mentions, HTML, a copied marker and a forged permissions line', async () => {
    const running = await startWithApplication();
    const body = [
      '/approve',
      '@maint <b>approved</b> `"permissions": {"admin": true}` <!-- operator-bot:state {"state":"training"} -->',
    ].join('\n');
    await running.deliver(command(903, body, 'mallory'));
    await eventually(() => expect(replies(903)).toHaveLength(1));
    expect(replies(903)[0]?.body).toContain('only a maintainer may use this.');
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening');
  });

  it('a maintainer removed after writing /approve: the command counts, as written by a maintainer', async () => {
    const running = await startWithApplication();
    const written = gitea().asCommentSaved(command(904, '/approve', 'maint'));
    gitea().setPermission(PROGRAM_REPO, 'maint', 'read');
    await running.deliver(written, { asSent: true });
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training'));
    // Written after the removal: refused.
    await running.deliver(command(905, '/reject not today', 'maint'));
    await eventually(() => expect(replies(905)).toHaveLength(1));
    expect(replies(905)[0]?.body).toContain('only a maintainer may use this.');
  });

  it('after the bot reopened the issue, a comment written while it was closed is decided on the issue read from Gitea', async () => {
    const running = await startWithApplication();
    // bob may not close alice's application: the bot reopens it.
    await createGiteaClient({
      baseUrl: gitea().baseUrl,
      token: gitea().token,
      timeoutMs: 5_000,
    }).setIssueState(repoRef(PROGRAM_REPO), 7, 'closed');
    const whileClosed = gitea().asCommentSaved(command(906, '/status'));
    expect(whileClosed.issue.state).toBe('closed');
    await running.deliver(
      issuePayload('closed', {
        number: 7,
        issue: {
          number: 7,
          state: 'closed',
          title: 'Application',
          body: completeForm,
          labels: [label('operator-application'), label('onboarding/screening')],
          user: { login: 'alice' },
        },
        sender: { login: 'bob' },
      }),
    );
    await eventually(() => expect(gitea().issue(PROGRAM_REPO, 7)?.state).toBe('open'));
    const reads = gitea().requestsTo('GET', ISSUE).length;
    await running.deliver(whileClosed, { asSent: true });
    await eventually(() => expect(replies(906)).toHaveLength(1));
    expect(gitea().requestsTo('GET', ISSUE)).toHaveLength(reads + 1);
    // A comment on an issue the bot never closed or reopened is not read (the first test).
  });

  it('an issue deleted after the comment was written: nothing posted, nothing left failing', async () => {
    const running = await startWithApplication();
    const written = gitea().asCommentSaved(command(907, '/status'));
    gitea().deleteIssue(PROGRAM_REPO, 7);
    const posts = gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments').length;
    await running.deliver(written, { asSent: true });
    // The first write answers 404, the issue read says it is gone: the job ends there.
    await eventually(() => expect(gitea().requestsTo('GET', ISSUE).length).toBeGreaterThan(0));
    await eventually(async () => expect(await jobStates(907)).toEqual(['completed']));
    expect(gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments')).toHaveLength(
      posts + 1,
    );
  });
});
