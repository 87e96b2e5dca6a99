import type { Redis } from 'ioredis';
import { issueKey, keySpace } from './keys.js';

const orderKey = (repo: string, issue: number) => `ob:order:${issueKey(repo, issue)}`;

export const issueOrderKeys = keySpace({
  store: 'issue-order',
  patterns: ['ob:order:*'],
  derived: false,
  kept: 'the order in which the accepted events of an issue wait in the queue; an entry leaves when its job is done',
});

/** An accepted event's place: its issue, its BullMQ job id and its intake stream entry id. */
export type OrderedJob = { repo: string; issue: number; jobId: string; entryId: string };

/**
 * The intake stream entry id `ms-seq` as one number that sorts as the ids do (seq < 1,000 per ms,
 * as a batch of at most a few hundred entries written in one millisecond keeps it).
 */
const scoreOf = (entryId: string) => {
  const [ms = '0', seq = '0'] = entryId.split('-');
  return Number(ms) * 1000 + Math.min(Number(seq), 999);
};

/**
 * Keeps the events of each issue in the order the intake accepted them (its stream's order), for
 * a worker running jobs side by side (WORKER_CONCURRENCY): a job that is not its issue's first
 * waits its turn. One sorted set per issue, scored by stream entry id.
 */
export function createIssueOrder(redis: Redis) {
  return {
    /** Records the jobs' places; call before the jobs exist (a job never runs without its place). */
    async enqueue(jobs: readonly OrderedJob[]): Promise<void> {
      if (jobs.length === 0) return;
      const pipeline = redis.pipeline();
      for (const job of jobs)
        pipeline.zadd(orderKey(job.repo, job.issue), 'NX', scoreOf(job.entryId), job.jobId);
      const answers = await pipeline.exec();
      const failed = answers?.find(([error]) => error)?.[0];
      if (failed) throw failed;
    },
    /**
     * Whether `jobId` may run now: it holds no place (a timer, a scheduled run), or every job
     * before it in its issue is done. `pending(jobId)` says whether a job still waits or runs in
     * the queue; one that does not (completed, failed for good, removed) is forgotten here.
     */
    async mayRun(
      repo: string,
      issue: number,
      jobId: string,
      pending: (jobId: string) => Promise<boolean>,
    ): Promise<boolean> {
      const key = orderKey(repo, issue);
      for (;;) {
        const [[, own], [, first]] = (await redis
          .multi()
          .zscore(key, jobId)
          .zrange(key, '0', '0')
          .exec()) as [[unknown, string | null], [unknown, string[]]];
        const head = first[0];
        if (own === null || head === undefined || head === jobId) return true;
        if (await pending(head)) return false;
        await redis.zrem(key, head);
      }
    },
    /** The job is done: its place is given up. */
    async done(repo: string, issue: number, jobId: string): Promise<void> {
      await redis.zrem(orderKey(repo, issue), jobId);
    },
  };
}

export type IssueOrder = ReturnType<typeof createIssueOrder>;
