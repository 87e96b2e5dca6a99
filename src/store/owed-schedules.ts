import type { Redis } from 'ioredis';
import { z } from 'zod';
import { SCHEDULES } from '../schedules/runner.js';
import { keySpace } from './keys.js';

/** Hash: job id → an owed scheduled run (JSON, owedRunSchema). */
const KEY = 'ob:owed-schedules';

export const owedScheduleKeys = keySpace({
  store: 'owed-schedules',
  patterns: [KEY],
  derived: false,
  kept: 'scheduled runs that failed for good and are still to run: Gitea holds no trace of a run that never happened',
});

/**
 * A scheduled run that failed for good (every try spent, src/queue/event-worker.ts), to run again
 * as the same period: `run` is the job's data with its period pinned (`firedAt`, the scheduler's
 * slot as an ISO instant in UTC, or the `week`/`month` it was given). `failedAt`: when it failed
 * for good (ISO, UTC); `attempts` and `reason`: the job's tries and BullMQ failedReason, as
 * `jobs failed` shows them (kept here too: BullMQ drops a failed job after 30 days).
 */
export const owedRunSchema = z.object({
  run: z.object({
    schedule: z.enum(SCHEDULES),
    firedAt: z.string().datetime().optional(),
    week: z.string().optional(),
    month: z.string().optional(),
  }),
  failedAt: z.string().datetime(),
  attempts: z.number().int().nonnegative(),
  reason: z.string(),
});
export type OwedRun = z.infer<typeof owedRunSchema>;

/** When an owed run's period began to be due: its slot, else when it failed (ms since the epoch, UTC). */
const dueAt = (owed: OwedRun) => Date.parse(owed.run.firedAt ?? owed.failedAt);

/** The scheduled runs owed since they failed for good, by their job id (the scheduler's `repeat:<name>:<slot ms>`). */
export function createOwedScheduleStore(redis: Redis) {
  return {
    owe: async (jobId: string, owed: OwedRun): Promise<void> => {
      await redis.hset(KEY, jobId, JSON.stringify(owedRunSchema.parse(owed)));
    },
    /** Every run still owed, oldest slot first (ties by job id); an entry that no longer reads as one is dropped. */
    owed: async (): Promise<({ jobId: string } & OwedRun)[]> => {
      const owed: ({ jobId: string } & OwedRun)[] = [];
      for (const [jobId, json] of Object.entries(await redis.hgetall(KEY))) {
        const parsed = owedRunSchema.safeParse(parseJson(json));
        if (parsed.success) owed.push({ jobId, ...parsed.data });
        else await redis.hdel(KEY, jobId);
      }
      return owed.sort((a, b) => dueAt(a) - dueAt(b) || a.jobId.localeCompare(b.jobId));
    },
    paid: async (jobId: string): Promise<void> => {
      await redis.hdel(KEY, jobId);
    },
  };
}

export type OwedScheduleStore = ReturnType<typeof createOwedScheduleStore>;

const parseJson = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};
