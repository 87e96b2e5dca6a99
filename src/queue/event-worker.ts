import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DelayedError, type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BotEvent } from '../gitea/event.js';
import type { Metrics } from '../metrics.js';
import type { FailedScheduleJob } from '../schedules/owed-runs.js';
import type { ScheduleJobData } from '../schedules/runner.js';
import { seenKey } from '../store/intake.js';
import type { IssueLock } from '../store/issue-lock.js';
import { createIssueOrder } from '../store/issue-order.js';
import { UNCONFIRMED } from '../worker/confirm-delivery.js';
import { EVENTS_QUEUE, type EventJobData } from './event-queue.js';
import { failedScheduleJob } from './failed-schedules.js';
import { schedulerSlot } from './schedule-slot.js';

export type EventWorkerDeps = {
  connection: Redis;
  /** Handles one event; UNCONFIRMED (a delivery Gitea did not confirm) lets its job and dedupe mark go. */
  handleEvent: (event: BotEvent) => Promise<unknown>;
  runSchedule: (job: ScheduleJobData) => Promise<void>;
  /** One catch-up run over the watched repositories (src/catch-up). */
  catchUp?: () => Promise<unknown>;
  lock: IssueLock;
  /** Whether a job still waits or runs in the queue (not completed, failed for good or removed). */
  pending: (jobId: string) => Promise<boolean>;
  concurrency: number;
  /** Tells an event's issue that the event failed for good (src/worker/failed-event-note.ts). */
  noteFailedEvent?: (event: BotEvent, jobId: string) => Promise<void>;
  /** Posts the failed-event notes Gitea refused before (src/worker/failed-event-note.ts createOwedNotes); with each catch-up. */
  postOwedNotes?: () => Promise<void>;
  /** Remembers the run a scheduled job failed for good owes (src/schedules/owed-runs.ts createScheduleDebt). */
  oweSchedule?: (jobId: string, job: FailedScheduleJob) => Promise<void>;
  /** Runs the owed scheduled runs again, oldest first (src/schedules/owed-runs.ts createOwedRuns); with each catch-up. */
  runOwedSchedules?: () => Promise<void>;
  /** A job whose worker stops renewing its lock this long is stalled and run again by another worker. */
  lockMs: number;
  /** How often a job is tried (JOB_ATTEMPTS): the retries of a failed job and the runs again of a stalled one. */
  attempts: number;
  metrics: Metrics;
  log: Logger;
};

/**
 * Runs queued events; a job whose issue is busy in another job, or that is not its issue's next
 * accepted event (store/issue-order.ts), waits a moment and tries again: the events of one issue
 * are handled in the order the intake accepted them, however many jobs run at once.
 */
export function startEventWorker(deps: EventWorkerDeps) {
  const order = createIssueOrder(deps.connection);
  const waitATurn = async (job: Job<EventJobData>, token?: string): Promise<never> => {
    await job.moveToDelayed(Date.now() + 25 + Math.floor(Math.random() * 75), token);
    throw new DelayedError();
  };
  /** Jobs of unconfirmed deliveries, removed once completed (their ids free for a real delivery). */
  const unconfirmed = new Set<string>();
  const process = async (job: Job<EventJobData>, token?: string) => {
    const { data } = job;
    // Not its issue's next event: wait without taking the lock (that one must get it).
    if (
      'event' in data &&
      job.id &&
      !(await order.mayRun(data.event.repo, data.event.issue.number, job.id, deps.pending))
    )
      return waitATurn(job, token);
    const release = await ('event' in data
      ? deps.lock.acquire(data.event.repo, data.event.issue.number)
      : deps.lock.acquire('schedule', 0));
    if (!release) return waitATurn(job, token);
    const stopTimer = deps.metrics.jobDuration.startTimer();
    try {
      if ('event' in data) {
        const outcome = await deps.handleEvent(data.event);
        if (outcome === UNCONFIRMED && job.id) {
          await deps.connection.del(seenKey(job.id));
          unconfirmed.add(job.id);
        }
        if (job.id) await order.done(data.event.repo, data.event.issue.number, job.id);
      } else if ('catchUp' in data) {
        await deps
          .postOwedNotes?.()
          .catch((err: unknown) =>
            deps.log.warn({ err }, 'could not yet tell the issues of events that failed for good'),
          );
        await deps
          .runOwedSchedules?.()
          .catch((err: unknown) =>
            deps.log.warn({ err }, 'could not yet run again the scheduled runs that failed for good'),
          );
        await deps.catchUp?.();
      } else {
        // A scheduled run happens at its scheduler's slot, whenever the job was created or picked up.
        const slot = schedulerSlot(job);
        await deps.runSchedule(slot ? { ...data, firedAt: slot } : data);
      }
    } finally {
      stopTimer();
      await release();
    }
  };
  const worker = new Worker<EventJobData>(EVENTS_QUEUE, process, {
    // Stored on each job it takes (`processedBy`): which of several workers handled an event.
    name: `${hostname()}:${globalThis.process.pid}:${randomUUID().slice(0, 8)}`,
    connection: deps.connection,
    concurrency: deps.concurrency,
    lockDuration: deps.lockMs,
    stalledInterval: deps.lockMs,
    // A job stalls when its worker died or lost Redis mid-job. BullMQ fails it for good after
    // one stall by default, and the delivery would be lost; the bot's writes are idempotent (its
    // markers), so a stalled job is run again, as often as a failed one is retried.
    maxStalledCount: deps.attempts,
  });
  worker.on('completed', (job) => {
    deps.metrics.jobs.inc({ outcome: 'completed' });
    if (!job.id || !unconfirmed.delete(job.id)) return;
    job
      .remove()
      .catch((error: unknown) =>
        deps.log.warn({ err: error, jobId: job.id }, 'could not remove an unconfirmed job'),
      );
  });
  worker.on('failed', (job, error) => {
    // Failed for good: BullMQ sets finishedOn only when it moves a job to failed (Job.moveToFailed),
    // also before its tries are spent (a job stalled past maxStalledCount fails as unrecoverable).
    const final = !job || typeof job.finishedOn === 'number';
    if (final && job?.id && 'event' in job.data && deps.noteFailedEvent) {
      const { id } = job;
      deps
        .noteFailedEvent(job.data.event, id)
        .catch((err: unknown) =>
          deps.log.warn({ err, jobId: id }, 'could not tell the issue that its event failed for good'),
        );
    }
    if (final && job?.id && 'schedule' in job.data && deps.oweSchedule) {
      const { id } = job;
      deps
        .oweSchedule(id, failedScheduleJob(job, job.data, error.message))
        .catch((err: unknown) =>
          deps.log.error({ err, jobId: id }, 'could not remember a scheduled run that failed for good'),
        );
    }
    deps.metrics.jobs.inc({ outcome: final ? 'failed' : 'retried' });
    deps.log.warn(
      {
        err: error,
        jobId: job?.id,
        deliveryId: job && 'event' in job.data ? job.data.event.deliveryId : undefined,
        attempt: job?.attemptsMade,
        final,
      },
      final ? 'job failed for good' : 'job failed, will retry',
    );
  });
  worker.on('error', (error) => deps.log.error({ err: error }, 'worker error'));
  return worker;
}
