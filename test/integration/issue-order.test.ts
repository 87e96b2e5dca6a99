import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS_QUEUE } from '../../src/queue/event-queue.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

// Events of one issue are handled in the order they were accepted, whatever the worker's
// concurrency: a command decided before an earlier one of its issue could be refused
// (`/paid` before `/approve`). Twenty commands arrive together; their replies come in their order.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
let second: TestBot | undefined;

beforeEach(() => seedProgram(gitea()));
afterEach(async () => {
  await Promise.all([bot?.stop(), second?.stop()]);
  bot = undefined;
  second = undefined;
});

/** Twenty `/help` in issue `number`, each accepted (202) before the next is sent: their order. */
async function sendInOrder(to: TestBot, number: number, id: number) {
  const ids = Array.from({ length: 20 }, (_, i) => 70_000 + i);
  for (const comment of ids) {
    const answer = await to.deliver(
      commentPayload('created', '/help', {
        issue: { number, id, title: 'Questions', body: 'Hi', user: { login: 'bob' } },
        comment: { id: comment, user: { login: 'bob' } },
        sender: { login: 'bob' },
      }),
    );
    expect(answer.status).toBe(202);
  }
  return ids;
}

const replied = (number: number) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .flatMap((c) => {
      const id = /operator-bot:reply (\d+)/.exec(c.body)?.[1];
      return id ? [Number(id)] : [];
    });

/** The workers (BullMQ `processedBy`) that completed the event jobs of the comments `ids`. */
async function completedBy(ids: readonly number[]) {
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection });
  try {
    const jobs = await queue.getJobs(['completed']);
    const ours = jobs.filter((job) => ids.includes(job?.data?.event?.comment?.id ?? -1));
    return [...new Set(ours.map((job) => job.processedBy))];
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

describe('events of one issue', () => {
  it('are handled in the order they were accepted, with 8 jobs at once', { timeout: 60_000 }, async () => {
    const issue = gitea().addIssue(PROGRAM_REPO, { title: 'Questions', body: 'Hi', user: 'bob' });
    bot = await startTestBot(redis.url, gitea(), { env: { WORKER_CONCURRENCY: '8' } });
    const ids = await sendInOrder(bot, issue.number, issue.id);
    await eventually(() => expect(replied(issue.number)).toHaveLength(ids.length), 30_000);
    expect(replied(issue.number)).toEqual(ids);
  });

  it('are handled in that order by two workers on one Redis, each taking jobs 4 at once', {
    timeout: 60_000,
  }, async () => {
    const issue = gitea().addIssue(PROGRAM_REPO, { title: 'Questions', body: 'Hi', user: 'bob' });
    const env = { WORKER_CONCURRENCY: '4' };
    bot = await startTestBot(redis.url, gitea(), { env });
    second = await startTestBot(redis.url, gitea(), { env });
    const ids = await sendInOrder(bot, issue.number, issue.id);
    await eventually(() => expect(replied(issue.number)).toHaveLength(ids.length), 30_000);
    expect(replied(issue.number)).toEqual(ids);
    // Both took part: the jobs were not all the first worker's.
    expect(await completedBy(ids)).toHaveLength(2);
  });
});
