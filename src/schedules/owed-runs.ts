import type { Logger } from 'pino';
import { previousIsoWeek } from '../domain/time/iso-week.js';
import { previousMonth } from '../domain/time/month.js';
import type { OwedRun, OwedScheduleStore } from '../store/owed-schedules.js';
import type { ScheduleJobData } from './runner.js';

/** What the worker knows of a scheduled job that failed for good (src/queue/event-worker.ts). */
export type FailedScheduleJob = {
  data: ScheduleJobData;
  /** The job scheduler's slot (queue/schedule-slot.ts), ISO in UTC; undefined for a job no scheduler made. */
  slot: string | undefined;
  /** When the job was made, ms since the epoch (BullMQ `timestamp`). */
  madeAt: number;
  /** When it failed for good, ms since the epoch (BullMQ `finishedOn`); default now. */
  failedAt?: number | undefined;
  /** Tries made (BullMQ `attemptsMade`). */
  attempts: number;
  reason: string;
};

/**
 * The run a failed scheduled job owes, its period pinned: a run again days later covers the
 * period its slot was for (the monthClose of the 1 December 06:00 UTC slot closes November even
 * when it runs on 3 January), as the scheduled run would have (src/schedules/runner.ts). A job
 * given a `week` or `month` keeps it; one with neither slot nor period (added by hand) is pinned
 * to when it was made.
 */
export function owedRunOf(job: FailedScheduleJob): OwedRun {
  const { data } = job;
  const firedAt =
    job.slot ?? data.firedAt ?? (data.week || data.month ? undefined : new Date(job.madeAt).toISOString());
  return {
    run: { ...data, ...(firedAt ? { firedAt } : {}) },
    failedAt: new Date(job.failedAt ?? Date.now()).toISOString(),
    attempts: job.attempts,
    reason: job.reason,
  };
}

/** An owed run as a person names it: `monthClose for 2026-11`, `weeklyReminder for 2026-W47`, `credentialCheck of 2026-12-01`. */
export function owedRunName({ run }: Pick<OwedRun, 'run'>): string {
  const firedAt = new Date(run.firedAt ?? Number.NaN);
  const valid = !Number.isNaN(firedAt.getTime());
  switch (run.schedule) {
    case 'monthClose': {
      const month = run.month ?? (valid ? previousMonth(firedAt) : undefined);
      return month ? `monthClose for ${month}` : 'monthClose';
    }
    case 'weeklyReminder': {
      const week = run.week ?? (valid ? previousIsoWeek(firedAt) : undefined);
      return week ? `weeklyReminder for ${week}` : 'weeklyReminder';
    }
    case 'credentialCheck':
      return valid ? `credentialCheck of ${firedAt.toISOString().slice(0, 10)}` : 'credentialCheck';
  }
}

/** `monthClose for 2026-11 owed since 2026-12-01T06:04:12.000Z, will run with the next catch-up`. */
export const owedRunLine = (owed: OwedRun) =>
  `${owedRunName(owed)} owed since ${owed.failedAt}, will run with the next catch-up`;

/** Remembers the run a scheduled job failed for good owes (store/owed-schedules.ts). */
export const createScheduleDebt =
  (store: OwedScheduleStore) =>
  (jobId: string, job: FailedScheduleJob): Promise<void> =>
    store.owe(jobId, owedRunOf(job));

export type OwedRunsDeps = {
  store: OwedScheduleStore;
  runSchedule: (job: ScheduleJobData) => Promise<void>;
  /** Whether the failed job still owes its run: false once a person retried it (`jobs retry`: done, or queued again). */
  stillOwed: (jobId: string) => Promise<boolean>;
  /** After its owed run is done: takes the failed job off `jobs failed` (nothing is left to retry). */
  settled: (jobId: string) => Promise<void>;
  /** The scheduled jobs failed for good as the queue holds them (src/queue/failed-schedules.ts): a debt their worker did not record is recorded first. */
  failedForGood?: () => Promise<{ jobId: string; job: FailedScheduleJob }[]>;
  log: Logger;
};

/**
 * Runs the owed scheduled runs again, oldest slot first; each is forgotten once it succeeds, or
 * without running when a person retried its job. Stops at the first run that fails again and
 * throws what it threw: that one and the later ones stay owed, in order, for the next catch-up
 * (Gitea still away: why a run fails for good). The runs are idempotent (program issues upserted
 * by key, notes once per key). Run with each catch-up (src/queue/event-worker.ts), every
 * `catchUp.every` and at each worker start. A job failed for good whose debt is not recorded (its
 * worker killed before its `failed` listener wrote it) is owed first.
 */
export function createOwedRuns(deps: OwedRunsDeps) {
  return async (): Promise<void> => {
    const known = new Set((await deps.store.owed()).map((owed) => owed.jobId));
    for (const { jobId, job } of (await deps.failedForGood?.()) ?? [])
      if (!known.has(jobId)) await deps.store.owe(jobId, owedRunOf(job));
    for (const owed of await deps.store.owed()) {
      if (await deps.stillOwed(owed.jobId)) {
        await deps.runSchedule(owed.run);
        deps.log.info({ jobId: owed.jobId, run: owedRunName(owed) }, 'owed scheduled run done');
      }
      await deps.store.paid(owed.jobId);
      await deps.settled(owed.jobId);
    }
  };
}
