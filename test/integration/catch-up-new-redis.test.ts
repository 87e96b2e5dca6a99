import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

// A bot moved to a new host without its Redis, or whose Redis lost its data: its first start reads
// `catchUp.firstLookback` (24 h) of Gitea back, and finds commands the bot it replaces answered.
// Their answers are in Gitea (signed markers), not in the new Redis: a reply must not be posted a
// second time.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const botComments = (number: number) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .filter((c) => c.user.login === gitea().botLogin);
const commentsPosted = () => gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments');
const catchUpReads = () => gitea().requestsTo('GET', '/repos/{owner}/{repo}/issues/comments');
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

beforeEach(() => seedProgram(gitea()));
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('catch-up on a Redis without the records of the bot that answered before', () => {
  it('posts no second reply and no second status comment', { timeout: 90_000 }, async () => {
    const application = gitea().addIssue(PROGRAM_REPO, {
      title: 'Operator application: alice',
      body: completeForm,
      user: 'alice',
    });
    gitea().addComment(PROGRAM_REPO, application.number, { user: 'alice', body: '/status' });
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'How do I start?', body: 'Hi', user: 'bob' });
    gitea().addComment(PROGRAM_REPO, question.number, { user: 'bob', body: '/help' });

    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => {
      expect(botComments(application.number)).toHaveLength(2); // status comment, reply to /status
      expect(botComments(question.number)).toHaveLength(1);
    }, 60_000);
    await settle();
    await bot.stop();
    bot = undefined;
    const before = commentsPosted().length;
    const reads = catchUpReads().length;

    await redis.client.flushall(); // the new host's Redis
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => expect(catchUpReads().length).toBeGreaterThan(reads), 30_000);
    await settle();
    await settle();
    expect(botComments(question.number)).toHaveLength(1);
    expect(botComments(application.number)).toHaveLength(2);
    expect(commentsPosted()).toHaveLength(before);
  });
});
