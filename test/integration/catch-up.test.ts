import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { EVENTS_QUEUE } from '../../src/queue/event-queue.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentsPosted as postedBy, botComments as writtenBy } from '../support/bot-writes.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const botComments = (number: number) => writtenBy(gitea(), number);
const commentsPosted = () => postedBy(gitea());
const catchUpReads = () => gitea().requestsTo('GET', '/repos/{owner}/{repo}/issues/comments');
/** The event jobs ever queued for a comment (completed jobs are kept for the dedupe window). */
async function jobsForComment(id: number) {
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection });
  const jobs = await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
  await queue.close();
  connection.disconnect();
  return jobs.filter((job) => job?.data?.event?.comment?.id === id);
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

beforeEach(() => seedProgram(gitea()));
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('catch-up: what happened while the bot was stopped is read from Gitea', () => {
  it('an application and a /help posted while stopped: status comment, label, one reply, nothing else', {
    timeout: 90_000,
  }, async () => {
    const application = gitea().addIssue(PROGRAM_REPO, {
      title: 'Operator application: alice',
      body: completeForm,
      user: 'alice',
    });
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'How do I start?', body: 'Hi', user: 'bob' });
    gitea().addComment(PROGRAM_REPO, question.number, { user: 'bob', body: '/help' });

    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });

    await eventually(() => {
      expect(gitea().issueLabels(PROGRAM_REPO, application.number)).toEqual(
        expect.arrayContaining(['operator-application', 'onboarding/screening']),
      );
      expect(botComments(application.number)).toHaveLength(1);
      expect(botComments(question.number)).toHaveLength(1);
    }, 60_000);
    await settle();
    expect(botComments(application.number)[0]?.body).toContain('Screening');
    expect(botComments(question.number)[0]?.body).toContain('What you can do here');
    expect(commentsPosted()).toHaveLength(2);
  });

  // A repository of program.repos is watched too: its deliveries are refused until `init` gives its
  // hook its own secret (README, upgrading to per-repository secrets), and what they carried must
  // not be lost meanwhile.
  it('a /help posted in a program.repos repository while its deliveries were refused gets its reply', {
    timeout: 60_000,
  }, async () => {
    gitea().addRepo('fleet/second');
    gitea().setPermission('fleet/second', 'bob', 'read');
    const question = gitea().addIssue('fleet/second', { title: 'How do I start?', body: 'Hi', user: 'bob' });
    gitea().addComment('fleet/second', question.number, { user: 'bob', body: '/help' });
    const base = defaultProgramConfig();
    bot = await startTestBot(redis.url, gitea(), {
      caughtUp: false,
      config: { ...base, program: { ...base.program, repos: ['fleet/second'] } },
    });
    const replies = () =>
      gitea()
        .comments('fleet/second', question.number)
        .filter((c) => c.user.login === gitea().botLogin);
    await eventually(() => expect(replies()).toHaveLength(1), 30_000);
    expect(replies()[0]?.body).toContain('What you can do here');
  });

  it('a comment delivered by webhook and found again by the catch-up gets one reply', {
    timeout: 90_000,
  }, async () => {
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'Help', body: 'Hi', user: 'bob' });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    // The start-up run and the job scheduler's first run.
    await eventually(() => expect(catchUpReads()).toHaveLength(2));

    const comment = gitea().addComment(PROGRAM_REPO, question.number, { user: 'bob', body: '/help' });
    const delivered = await bot.deliver(
      commentPayload('created', '/help', {
        issue: {
          number: question.number,
          id: question.id,
          title: 'Help',
          body: 'Hi',
          user: { login: 'bob' },
        },
        comment: { id: comment.id, created_at: comment.created_at, updated_at: comment.updated_at },
        sender: { login: 'bob' },
      }),
    );
    expect(delivered.status).toBe(202);
    await eventually(() => expect(botComments(question.number)).toHaveLength(1));

    await bot.stop();
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => expect(catchUpReads().length).toBeGreaterThan(2));
    await settle();
    const since = catchUpReads()[2]?.query.since ?? '';
    expect(Date.parse(since)).toBeLessThanOrEqual(Date.parse(comment.created_at));
    expect(botComments(question.number)).toHaveLength(1);
    expect(commentsPosted()).toHaveLength(1);
    expect(await jobsForComment(comment.id)).toHaveLength(1);
  });

  // Gitea lets a repository's writers edit anyone's comment and does not say who edited it. A
  // comment without a command is dropped at the intake (no key); one edited into a command later is
  // found by the catch-up (any run, every catchUp.every) with its new text, under its writer's name.
  it("maint's 'looks good', edited by dave (a writer, no maintainer) into a /ping, is answered, not run as maint's", {
    timeout: 60_000,
  }, async () => {
    gitea().addUser('dave', { password: 'dave-password' });
    gitea().setPermission(PROGRAM_REPO, 'dave', 'write');
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'Help', body: 'Hi', user: 'bob' });
    const his = gitea().addComment(PROGRAM_REPO, question.number, { user: 'maint', body: 'looks good' });
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const edit = await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/comments/${his.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Basic ${Buffer.from('dave:dave-password').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body: '/ping @bob now' }),
    });
    expect(edit.status).toBe(200);
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => expect(botComments(question.number)).toHaveLength(1), 30_000);
    expect(botComments(question.number)[0]?.body).toContain('not run: this comment was edited');
    expect(botComments(question.number)[0]?.body).not.toContain('is not an operator');
  });

  it('reads every page when Gitea caps pages at MAX_RESPONSE_ITEMS (2): five /help, five replies', {
    timeout: 90_000,
  }, async () => {
    gitea().setMaxResponseItems(2);
    const numbers = [1, 2, 3, 4, 5].map((i) => {
      const issue = gitea().addIssue(PROGRAM_REPO, { title: `Question ${i}`, body: 'Hi', user: 'bob' });
      gitea().addComment(PROGRAM_REPO, issue.number, { user: 'bob', body: '/help' });
      return issue.number;
    });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => {
      for (const number of numbers) expect(botComments(number)).toHaveLength(1);
    }, 60_000);
    expect(catchUpReads().some((r) => r.query.page === '3')).toBe(true);
  });

  // The API's issue does not say who closed it, so the catch-up's close names its author
  // (synthesise.ts); Gitea's timeline does (its newest `close` entry's user).
  it("an alert a maintainer closed while the bot was stopped: resolved as the maintainer's close, not reopened as its author's", {
    timeout: 90_000,
  }, async () => {
    const g = gitea();
    g.addUser('boss', { password: 'boss-password' });
    g.setPermission(PROGRAM_REPO, 'boss', 'admin');
    const alert = g.addIssue(PROGRAM_REPO, {
      title: 'Gateway down',
      body: 'Node n1 is down.',
      user: 'bob',
      labels: ['operator-alert'],
    });
    bot = await startTestBot(redis.url, g, { caughtUp: false });
    const labels = () => g.issueLabels(PROGRAM_REPO, alert.number);
    await eventually(() => expect(labels()).toContain('alert/open'), 60_000);
    await settle();
    await bot.stop();
    bot = undefined;

    const closing = await fetch(`${g.baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${alert.number}`, {
      method: 'PATCH',
      headers: {
        authorization: `Basic ${Buffer.from('boss:boss-password').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ state: 'closed' }),
    });
    expect(closing.status).toBe(201);
    bot = await startTestBot(redis.url, g, { caughtUp: false });
    await eventually(() => expect(labels()).toContain('alert/resolved'), 30_000);
    expect(g.issue(PROGRAM_REPO, alert.number)?.state).toBe('closed');
    expect(g.comments(PROGRAM_REPO, alert.number).some((c) => c.body.includes('@bob: only'))).toBe(false);
  });

  it('an edit made while the bot was stopped is caught up: the fixed form moves the application on', {
    timeout: 90_000,
  }, async () => {
    const application = gitea().addIssue(PROGRAM_REPO, {
      title: 'Operator application: alice',
      body: 'I would like to run nodes.',
      user: 'alice',
      labels: ['operator-application'],
    });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    const labels = () => gitea().issueLabels(PROGRAM_REPO, application.number);
    await eventually(() => expect(labels()).toContain('onboarding/incomplete'), 60_000);
    await settle();
    await bot.stop();
    bot = undefined;

    await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${application.number}`, {
      method: 'PATCH',
      headers: { Authorization: `token ${gitea().token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: completeForm }),
    });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => expect(labels()).toContain('onboarding/screening'), 60_000);
    await settle();
    expect(botComments(application.number)).toHaveLength(1);
  });
});
