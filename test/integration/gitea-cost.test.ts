import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWithApplication as startApplication } from '../support/application-bot.js';
import { eventually, PROGRAM_REPO, seedProgram, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';

// Issue #19: every reply and state change listed the issue's comments (Gitea's list is not paged:
// ~1 MB on a 1,000-comment issue). The bot now writes first and keeps what it wrote; it lists the
// comments only to recover from a lost answer.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const COMMENTS = '/repos/{owner}/{repo}/issues/{index}/comments';
const replies = (to: number) =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .filter((c) => c.body.includes(`operator-bot:reply ${to} `));
const command = (id: number, body: string, login = 'alice') =>
  commentPayload('created', body, { comment: { id, user: { login } }, sender: { login } });

async function startWithApplication(env: Record<string, string> = {}) {
  bot = await startApplication(redis.url, gitea(), {
    GITEA_TIMEOUT_MS: '300',
    JOB_ATTEMPTS: '4',
    JOB_BACKOFF_MS: '100',
    ...env,
  });
  for (let i = 0; i < 200; i++) gitea().addComment(PROGRAM_REPO, 7, { user: 'bob', body: `chatter ${i}` });
  return bot;
}

beforeEach(() => {
  seedProgram(gitea());
  addApplicationIssue(gitea(), 'Application');
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('Gitea cost per command', () => {
  it('answers a command without listing the issue’s comments', async () => {
    const running = await startWithApplication();
    const listedBefore = gitea().requestsTo('GET', COMMENTS).length;
    expect((await running.deliver(command(901, '/status'))).status).toBe(202);
    await eventually(() => expect(replies(901)).toHaveLength(1));
    expect(gitea().requestsTo('GET', COMMENTS).slice(listedBefore)).toEqual([]);
  });

  it('moves the state label with one request: Gitea drops the other label of the exclusive scope', async () => {
    const running = await startWithApplication();
    const before = gitea().requests.length;
    await running.deliver(command(902, '/approve', 'maint'));
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training'));
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).not.toContain('onboarding/screening');
    const labelCalls = gitea()
      .requests.slice(before)
      .filter((r) => r.path.includes('/issues/7/labels'));
    expect(labelCalls.map((r) => r.method)).toEqual(['POST']);
  });

  it('does not post a reply twice when its create timed out after Gitea posted it: the retry finds its marker', async () => {
    // Gitea writes the comment but answers after the client gave up; the job is retried after its
    // backoff (1 s), when the comment is there.
    const running = await startWithApplication({ JOB_BACKOFF_MS: '1000' });
    gitea().failNext({ method: 'POST', path: COMMENTS, delayMs: 800 });
    const postedBefore = gitea().requestsTo('POST', COMMENTS).length;
    const listedBefore = gitea().requestsTo('GET', COMMENTS).length;
    await running.deliver(command(903, '/status'));
    await eventually(() => expect(replies(903)).toHaveLength(1));
    // The retry lists the comments once (the lost answer), finds the reply, and posts nothing more.
    await eventually(() => expect(gitea().requestsTo('GET', COMMENTS)).toHaveLength(listedBefore + 1), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replies(903)).toHaveLength(1);
    expect(gitea().requestsTo('POST', COMMENTS)).toHaveLength(postedBefore + 1);
  });
});

describe('who is a maintainer is asked of Gitea only when the answer matters', () => {
  const PERMISSION = '/repos/{owner}/{repo}/collaborators/{collaborator}/permission';
  const asked = (from: number) =>
    gitea()
      .requestsTo('GET', PERMISSION)
      .slice(from)
      .map((request) => request.path.split('/')[5]);

  it('asks for none of the applicant’s /status and /module nor a repo admin’s /approve, and for each other person’s /approve, whose answer it follows', async () => {
    const running = await startWithApplication();
    gitea().addUser('mallory');
    const before = gitea().requestsTo('GET', PERMISSION).length;
    await running.deliver(command(903, '/status'));
    await eventually(() => expect(replies(903)).toHaveLength(1));
    expect(asked(before)).toEqual([]);

    // An outsider and the applicant herself: asked, refused, the state unchanged.
    await running.deliver(command(904, '/approve', 'mallory'));
    await eventually(() => expect(replies(904)).toHaveLength(1));
    await running.deliver(command(905, '/approve'));
    await eventually(() => expect(replies(905)).toHaveLength(1));
    for (const id of [904, 905]) expect(replies(id)[0]?.body).toContain('only a maintainer may use this.');
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening');
    expect(asked(before)).toEqual(['mallory', 'alice']);

    // The maintainer is an admin of the repo: Gitea's delivery says so (the commenter's
    // `repository.permissions`), nothing is asked.
    await running.deliver(command(906, '/approve', 'maint'));
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training'));
    expect(asked(before)).toEqual(['mallory', 'alice']);

    // `/module` is the author's or a maintainer's: the author is answered without asking.
    await running.deliver(command(907, '/module 1'));
    await eventually(() => expect(replies(907)).toHaveLength(1));
    expect(replies(907)[0]?.body).not.toContain('only');
    expect(asked(before)).toEqual(['mallory', 'alice']);
  });
});
