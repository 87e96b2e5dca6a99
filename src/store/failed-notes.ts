import type { Redis } from 'ioredis';
import { type BotEvent, botEventSchema } from '../gitea/event.js';
import { keySpace } from './keys.js';

/** Hash: job id → the event (JSON) of a job failed for good whose note Gitea refused. */
const KEY = 'ob:failed-notes';

export const failedNoteKeys = keySpace({
  store: 'failed-notes',
  patterns: [KEY],
  derived: false,
  kept: 'notes still owed in issues for jobs that failed for good: the failed jobs are in the queue, not in Gitea',
});

/**
 * The notes owed for events that failed for good (src/worker/failed-event-note.ts) while Gitea
 * refused the note too: a job fails for good mostly because Gitea is away, and so is its note.
 */
export function createFailedNoteStore(redis: Redis) {
  return {
    owe: async (jobId: string, event: BotEvent): Promise<void> => {
      await redis.hset(KEY, jobId, JSON.stringify(event));
    },
    /** Every note still owed; an entry that no longer reads as an event is dropped. */
    owed: async (): Promise<{ jobId: string; event: BotEvent }[]> => {
      const owed: { jobId: string; event: BotEvent }[] = [];
      for (const [jobId, json] of Object.entries(await redis.hgetall(KEY))) {
        const parsed = botEventSchema.safeParse(JSON.parse(json));
        if (parsed.success) owed.push({ jobId, event: parsed.data });
        else await redis.hdel(KEY, jobId);
      }
      return owed;
    },
    paid: async (jobId: string): Promise<void> => {
      await redis.hdel(KEY, jobId);
    },
  };
}
