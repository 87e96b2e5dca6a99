import { DelayedError, type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BotEvent } from '../gitea/event.js';
import type { Metrics } from '../metrics.js';
import type { IssueLock } from '../store/issue-lock.js';
import { EVENTS_QUEUE, type EventJobData } from './event-queue.js';

export type EventWorkerDeps = {
  connection: Redis;
  handleEvent: (event: BotEvent) => Promise<void>;
  lock: IssueLock;
  concurrency: number;
  metrics: Metrics;
  log: Logger;
};

/** Runs queued events; a job whose issue is busy in another job waits a moment and tries again. */
export function startEventWorker(deps: EventWorkerDeps) {
  const process = async (job: Job<EventJobData>, token?: string) => {
    const { event } = job.data;
    const release = await deps.lock.acquire(event.repo, event.issue.number);
    if (!release) {
      await job.moveToDelayed(Date.now() + 25 + Math.floor(Math.random() * 75), token);
      throw new DelayedError();
    }
    const stopTimer = deps.metrics.jobDuration.startTimer();
    try {
      await deps.handleEvent(event);
    } finally {
      stopTimer();
      await release();
    }
  };
  const worker = new Worker<EventJobData>(EVENTS_QUEUE, process, {
    connection: deps.connection,
    concurrency: deps.concurrency,
  });
  worker.on('completed', () => deps.metrics.jobs.inc({ outcome: 'completed' }));
  worker.on('failed', (job, error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.metrics.jobs.inc({ outcome: final ? 'failed' : 'retried' });
    deps.log.warn(
      {
        err: error,
        jobId: job?.id,
        deliveryId: job?.data.event.deliveryId,
        attempt: job?.attemptsMade,
        final,
      },
      final ? 'job failed for good' : 'job failed, will retry',
    );
  });
  worker.on('error', (error) => deps.log.error({ err: error }, 'worker error'));
  return worker;
}
