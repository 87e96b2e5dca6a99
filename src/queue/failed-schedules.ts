import type { Job } from 'bullmq';
import type { FailedScheduleJob } from '../schedules/owed-runs.js';
import type { ScheduleJobData } from '../schedules/runner.js';
import type { EventQueue } from './event-queue.js';
import { schedulerSlot } from './schedule-slot.js';

/** How many failed jobs are looked at (as `jobs failed` lists them). */
const LISTED = 500;

/**
 * The scheduled jobs BullMQ holds as failed for good, as the worker's `failed` listener records
 * their debt (src/queue/event-worker.ts): a worker killed after BullMQ moved the job to failed and
 * before that listener wrote to Redis leaves a failed job and no debt, which the catch-up then
 * records (src/schedules/owed-runs.ts createOwedRuns).
 */
export async function failedScheduleJobs(
  queue: Pick<EventQueue, 'getFailed'>,
): Promise<{ jobId: string; job: FailedScheduleJob }[]> {
  return (await queue.getFailed(0, LISTED - 1)).flatMap((job) =>
    job.id && 'schedule' in job.data ? [{ jobId: job.id, job: failedScheduleJob(job, job.data) }] : [],
  );
}

/** What the owed run of a scheduled BullMQ job that failed for good is made from (src/schedules/owed-runs.ts). */
export function failedScheduleJob(job: Job, data: ScheduleJobData, reason = ''): FailedScheduleJob {
  return {
    data,
    slot: schedulerSlot(job),
    madeAt: job.timestamp,
    failedAt: job.finishedOn,
    attempts: job.attemptsMade,
    reason: job.failedReason ?? reason,
  };
}
