import type { Env } from '../config/env.js';
import { createEventQueue } from '../queue/event-queue.js';
import { owedRunLine, owedRunName } from '../schedules/owed-runs.js';
import { createOwedScheduleStore } from '../store/owed-schedules.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

type FailedJob = {
  id: string;
  name: string;
  what: string;
  attempts: number;
  reason: string;
  failedAt: string;
  /** A scheduled run that failed for good and runs again with the next catch-up (src/schedules/owed-runs.ts). */
  owed?: string;
};

/**
 * `jobs failed [--json]`: the jobs that failed for good (after every retry), parked for a person
 * to look at, and the scheduled runs they owe (store/owed-schedules.ts), which the next catch-up
 * runs again without anyone's help — also those whose failed job BullMQ no longer keeps.
 */
export async function runJobsFailed(env: Env, json: boolean): Promise<number> {
  const { jobs, owedLines } = await withRedis(env, async (redis) => {
    const queue = createEventQueue(redis);
    try {
      const owedInOrder = await createOwedScheduleStore(redis).owed();
      const owed = new Map(owedInOrder.map((o) => [o.jobId, o]));
      const failed = (await queue.getFailed(0, 499)).map((job): FailedJob => {
        const debt = job.id ? owed.get(job.id) : undefined;
        if (job.id) owed.delete(job.id);
        return {
          id: job.id ?? '',
          name: job.name,
          what:
            'event' in job.data
              ? `${job.data.event.kind} ${job.data.event.repo}#${job.data.event.issue.number}`
              : 'catchUp' in job.data
                ? 'catch-up'
                : `schedule ${debt ? owedRunName(debt) : job.data.schedule}`,
          attempts: job.attemptsMade,
          reason: job.failedReason,
          failedAt: new Date(job.finishedOn ?? 0).toISOString(),
          ...(debt ? { owed: owedRunLine(debt) } : {}),
        };
      });
      const gone = [...owed.values()].map(
        (debt): FailedJob => ({
          id: debt.jobId,
          name: 'schedule',
          what: `schedule ${owedRunName(debt)}`,
          attempts: debt.attempts,
          reason: debt.reason,
          failedAt: debt.failedAt,
          owed: owedRunLine(debt),
        }),
      );
      return { jobs: [...failed, ...gone], owedLines: owedInOrder.map(owedRunLine) };
    } finally {
      await queue.close();
    }
  });
  if (json) console.log(JSON.stringify(jobs, null, 2));
  else if (jobs.length === 0) console.log('No failed jobs.');
  else {
    console.log(
      formatTable<FailedJob>(
        [
          ['ID', (j) => j.id],
          ['WHAT', (j) => j.what],
          ['ATTEMPTS', (j) => String(j.attempts)],
          ['FAILED AT', (j) => j.failedAt],
          ['REASON', (j) => j.reason.slice(0, 80)],
        ],
        jobs,
      ),
    );
    if (owedLines.length > 0)
      console.log(
        `\nScheduled runs owed (the catch-up runs them again, oldest first, every catchUp.every and at each worker start; no retry needed):\n${owedLines.map((line) => `  ${line}`).join('\n')}`,
      );
    console.log(
      '\nRetry one with: operator-bot jobs retry ID   · all of them: operator-bot jobs retry --all',
    );
  }
  return 0;
}

/** `jobs retry ID | --all`: run failed jobs again (their writes are idempotent). */
export async function runJobsRetry(env: Env, id: string | undefined, all: boolean): Promise<number> {
  if (!id && !all) {
    console.error(
      'Say which: operator-bot jobs retry ID  (see operator-bot jobs failed)  or  operator-bot jobs retry --all',
    );
    return 2;
  }
  return withRedis(env, async (redis) => {
    const queue = createEventQueue(redis);
    try {
      const jobs = all
        ? await queue.getFailed(0, 9_999)
        : [await queue.getJob(id ?? '')].filter((j) => j !== undefined);
      const failed = [];
      for (const job of jobs) if ((await job.getState()) === 'failed') failed.push(job);
      if (failed.length === 0) {
        console.error(all ? 'No failed jobs.' : `No failed job ${id}. See: operator-bot jobs failed`);
        return all ? 0 : 1;
      }
      for (const job of failed) await job.retry();
      console.log(`Queued ${failed.length} job(s) again; a running worker takes them.`);
      return 0;
    } finally {
      await queue.close();
    }
  });
}
