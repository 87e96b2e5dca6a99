import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventQueue } from '../../src/queue/event-queue.js';
import { cursorKey } from '../../src/store/catch-up-cursors.js';
import { INTAKE_STREAM } from '../../src/store/intake.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentsPosted as postedBy, botComments as writtenBy } from '../support/bot-writes.js';
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

const botComments = (number: number) => writtenBy(gitea(), number);
const commentsPosted = () => postedBy(gitea());

/**
 * Until the catch-up has run (its cursor is stored), what it found has left the intake stream, and
 * every job it led to has run: none waiting, running, or delayed by less than a minute (a job whose
 * issue was busy is put back for a moment; the application's timers are days away). A fixed wait
 * would let a slow machine assert before a second reply is posted, and pass on a broken bot.
 */
async function caughtUpAndIdle() {
  const queue = createEventQueue(redis.client);
  try {
    await eventually(async () => {
      expect(await redis.client.get(cursorKey(PROGRAM_REPO))).not.toBeNull();
      expect(await redis.client.xlen(INTAKE_STREAM)).toBe(0); // every event it found moved into the queue
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'failed');
      expect(counts).toEqual({ waiting: 0, active: 0, prioritized: 0, failed: 0 });
      const soon = (await queue.getDelayed()).filter(
        (job) => job.timestamp + (job.opts.delay ?? 0) < Date.now() + 60_000,
      );
      expect(soon.map((job) => job.name)).toEqual([]);
    }, 60_000);
  } finally {
    await queue.close();
  }
}

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
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'How do I start?', body: 'Hi', user: 'bob' });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await eventually(() => expect(botComments(application.number)).toHaveLength(1), 60_000); // status comment
    await caughtUpAndIdle();
    await bot.stop();
    // The commands come once the application is under way: the first bot's answers then do not
    // depend on the order in which the jobs of one issue get its lock (a full run missed the reply).
    gitea().addComment(PROGRAM_REPO, application.number, { user: 'alice', body: '/status' });
    gitea().addComment(PROGRAM_REPO, question.number, { user: 'bob', body: '/help' });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await caughtUpAndIdle();
    expect(botComments(application.number)).toHaveLength(2); // status comment, reply to /status
    expect(botComments(question.number)).toHaveLength(1);
    await bot.stop();
    bot = undefined;
    const before = commentsPosted().length;

    await redis.client.flushall(); // the new host's Redis
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await caughtUpAndIdle();
    expect(botComments(question.number)).toHaveLength(1);
    expect(botComments(application.number)).toHaveLength(2);
    expect(commentsPosted()).toHaveLength(before);
  });

  it('does not take a copy of its reply in someone else’s comment for the reply', {
    timeout: 90_000,
  }, async () => {
    const question = gitea().addIssue(PROGRAM_REPO, { title: 'How do I start?', body: 'Hi', user: 'bob' });
    gitea().addComment(PROGRAM_REPO, question.number, { user: 'bob', body: '/help' });
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await caughtUpAndIdle();
    await bot.stop();
    bot = undefined;
    // carol quotes the bot's reply, signed marker and all; then the reply is deleted.
    const [reply] = botComments(question.number);
    gitea().addComment(PROGRAM_REPO, question.number, { user: 'carol', body: reply?.body ?? '' });
    const deleted = await fetch(
      `${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/comments/${reply?.id}`,
      {
        method: 'DELETE',
        headers: { Authorization: `token ${gitea().token}` },
      },
    );
    expect(deleted.status).toBe(204);

    await redis.client.flushall();
    bot = await startTestBot(redis.url, gitea(), { caughtUp: false });
    await caughtUpAndIdle(); // the issue opened, /help, carol's comment
    expect(botComments(question.number)).toHaveLength(1);
  });
});
