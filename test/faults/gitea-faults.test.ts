import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { applicationLabeled } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

const COMMENTS = '/repos/{owner}/{repo}/issues/{index}/comments';
const LABELS = '/repos/{owner}/{repo}/issues/{index}/labels';
const statusComments = () =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .filter((c) => c.body.includes('operator-bot:state'));
const start = async (env: Record<string, string> = {}) => {
  bot = await startTestBot(redis.url, gitea(), {
    env: { GITEA_TIMEOUT_MS: '300', JOB_ATTEMPTS: '4', JOB_BACKOFF_MS: '100', ...env },
  });
  return bot;
};

beforeEach(() => {
  seedProgram(gitea());
  addApplicationIssue(gitea());
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('an event that fails for good is not met with silence', () => {
  it("maint's /approve whose label write Gitea keeps refusing: one note in the issue names the comment and the job to retry, and no error text", async () => {
    const running = await start({ JOB_ATTEMPTS: '2' });
    await running.deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
    gitea().failNext({ method: 'POST', path: LABELS, status: 500, times: 1_000 });
    await running.deliver(
      commentPayload('created', '/approve', { comment: { id: 601 }, sender: { login: 'maint' } }),
    );
    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('operator-bot-events', { connection });
    try {
      const [failed] = await eventually(async () => {
        const jobs = await queue.getFailed();
        expect(jobs).toHaveLength(1);
        return jobs;
      }, 20_000);
      const notes = () =>
        gitea()
          .comments(PROGRAM_REPO, 7)
          .filter((c) => c.body.includes('could not handle'));
      await eventually(() => expect(notes()).toHaveLength(1));
      const note = notes()[0]?.body ?? '';
      expect(note).toContain('[this comment](#issuecomment-601)');
      expect(note).toContain(`operator-bot jobs retry ${failed?.id}`);
      expect(note).not.toMatch(/500|Internal|error:/i);
      expect(statusComments()[0]?.body).not.toContain('Training');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});

describe('a job failed for good without using its tries is noted too', () => {
  // BullMQ fails a job that stalled more than maxStalledCount times (its workers died on it) when a
  // worker next takes it: moveStalledJobsToWait sets `defa` ("job stalled more than allowable
  // limit", bullmq commands/moveStalledJobsToWait-9.lua) and the worker fails it as unrecoverable,
  // with one attempt made of JOB_ATTEMPTS. The test sets `defa` as that script does.
  it("maint's /approve whose workers kept dying: one note in the issue names the comment and the job to retry", async () => {
    const first = await start();
    await first.deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
    await first.stop();
    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('operator-bot-events', { connection });
    const at = new Date().toISOString();
    try {
      const job = await queue.add(
        'event',
        {
          event: {
            kind: 'comment.created',
            repo: PROGRAM_REPO,
            issue: {
              number: 7,
              id: 7,
              title: 'Operator application',
              body: '',
              author: 'alice',
              state: 'open',
              labels: ['operator-application'],
              assignees: [],
              createdAt: at,
              isPull: false,
            },
            actor: 'maint',
            at,
            comment: { id: 604, body: '/approve', createdAt: at },
          },
        },
        { jobId: 'stalled-604', attempts: 4 },
      );
      await connection.hset(
        `bull:operator-bot-events:${job.id}`,
        'defa',
        'job stalled more than allowable limit',
      );
      await start();
      await eventually(async () => expect(await queue.getFailedCount()).toBe(1));
      const notes = () =>
        gitea()
          .comments(PROGRAM_REPO, 7)
          .filter((c) => c.body.includes('could not handle'));
      await eventually(() => expect(notes()).toHaveLength(1));
      expect(notes()[0]?.body).toContain('[this comment](#issuecomment-604)');
      expect(notes()[0]?.body).toContain('operator-bot jobs retry stalled-604');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});

describe('a note Gitea refused is posted once Gitea is back', () => {
  const notes = () =>
    gitea()
      .comments(PROGRAM_REPO, 7)
      .filter((c) => c.body.includes('could not handle'));
  /** maint's /approve (comment `id`) fails for good while Gitea refuses every write, its note too; the bot is stopped after. */
  async function failedWhileGiteaAway(id: number) {
    const first = await start({ JOB_ATTEMPTS: '2' });
    await first.deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
    const tries = () => gitea().requestsTo('POST', COMMENTS).length;
    const before = tries();
    gitea().failNext({ method: 'POST', path: LABELS, status: 500, times: 1_000 });
    gitea().failNext({ method: 'POST', path: COMMENTS, status: 500, times: 1_000 });
    await first.deliver(
      commentPayload('created', '/approve', { comment: { id }, sender: { login: 'maint' } }),
    );
    // The note's tries (the client's own retries of a 500) are over once no more come for a second.
    await eventually(() => expect(tries()).toBeGreaterThan(before), 20_000);
    for (let seen = -1; seen !== tries(); ) {
      seen = tries();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(notes()).toHaveLength(0);
    await first.stop();
    gitea().clearFaults();
  }

  it("Gitea away while maint's /approve fails for good (its note refused too): after Gitea is back, the next catch-up posts the one note", async () => {
    await failedWhileGiteaAway(602);
    // Started again (its start-up catch-up), Gitea answering: the issue is told.
    const again = await start({ JOB_ATTEMPTS: '2' });
    await eventually(() => expect(notes()).toHaveLength(1));
    expect(notes()[0]?.body).toContain('[this comment](#issuecomment-602)');
    expect(notes()[0]?.body).toMatch(/operator-bot jobs retry \S+/);
    // Another catch-up run posts nothing more.
    await again.stop();
    await start({ JOB_ATTEMPTS: '2' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notes()).toHaveLength(1);
  });

  it('a maintainer ran `jobs retry` once Gitea was back: the /approve is done, and no note says nothing was done', async () => {
    await failedWhileGiteaAway(603);
    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('operator-bot-events', { connection });
    try {
      const [failed] = await queue.getFailed();
      await failed?.retry();
    } finally {
      await queue.close();
      connection.disconnect();
    }
    await start({ JOB_ATTEMPTS: '2' });
    await eventually(() => expect(statusComments()[0]?.body).toContain('Training'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notes()).toHaveLength(0);
  });
});

describe('Gitea faults: retried with backoff, nothing lost, nothing doubled', () => {
  it('honours 429 Retry-After and posts once', async () => {
    gitea().failNext({ method: 'POST', path: COMMENTS, status: 429, headers: { 'Retry-After': '1' } });
    await (await start()).deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
    const attempts = gitea().requestsTo('POST', COMMENTS);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
  });

  it.each([
    ['502 then 503', [502, 503]],
    ['500 three times', [500, 500, 500]],
  ])('gets through %s', async (_what, statuses) => {
    for (const status of statuses) gitea().failNext({ method: 'POST', path: COMMENTS, status });
    await (await start()).deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
  });

  it('does not post twice when a create times out after Gitea did it', async () => {
    // Gitea writes the comment but answers after the client gave up. The create is not retried blindly:
    // the job is retried after its backoff (1 s, the default), lists the comments and finds the marker.
    gitea().failNext({ method: 'POST', path: COMMENTS, delayMs: 800 });
    await (await start({ JOB_BACKOFF_MS: '1000' })).deliver(applicationLabeled());
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
    await eventually(() => expect(gitea().requestsTo('GET', COMMENTS).length).toBeGreaterThan(1), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statusComments()).toHaveLength(1);
    expect(gitea().requestsTo('POST', COMMENTS)).toHaveLength(1);
  });

  it('retries after a connection reset', async () => {
    gitea().failNext({ method: 'POST', path: COMMENTS, networkError: true });
    await (await start()).deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
  });

  it('recreates the status comment when someone deleted it', async () => {
    const running = await start();
    await running.deliver(applicationLabeled());
    await eventually(() => expect(statusComments()).toHaveLength(1));
    const deleted = statusComments()[0]?.id ?? 0;
    await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/comments/${deleted}`, {
      method: 'DELETE',
      headers: { Authorization: `token ${gitea().token}` },
    });
    expect(statusComments()).toHaveLength(0);
    await running.deliver(
      commentPayload('created', '/approve', { comment: { id: 601 }, sender: { login: 'maint' } }),
    );
    await eventually(() => expect(statusComments()).toHaveLength(1));
    expect(statusComments()[0]?.id).not.toBe(deleted);
    expect(statusComments()[0]?.body).toContain('Training');
  });

  it('parks a job that keeps failing, and a retry after Gitea recovers completes it once', async () => {
    gitea().failNext({ method: 'POST', path: COMMENTS, status: 500, times: 1_000 });
    const running = await start({ JOB_ATTEMPTS: '2' });
    await running.deliver(applicationLabeled());
    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('operator-bot-events', { connection });
    const [failed] = await eventually(async () => {
      const jobs = await queue.getFailed();
      expect(jobs).toHaveLength(1);
      return jobs;
    }, 20_000);
    expect(statusComments()).toHaveLength(0);
    gitea().reset();
    seedProgram(gitea());
    addApplicationIssue(gitea());
    await failed?.retry();
    await eventually(() => expect(statusComments()).toHaveLength(1));
    await queue.close();
    connection.disconnect();
  });
});
