import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';

/** A mark set once in Redis: while Redis keeps its data, it holds the same mark. */
export const REDIS_EPOCH_KEY = 'ob:redis-epoch';

export const redisEpochKeys = keySpace({
  store: 'redis-epoch',
  patterns: [REDIS_EPOCH_KEY],
  derived: false,
  kept: 'the mark by which a running bot tells that Redis came back without its data (src/redis/watch.ts)',
});

/** Sets the mark when Redis holds none (a fresh random one) and returns the mark Redis holds. */
export async function markEpoch(redis: Redis): Promise<string> {
  const answers = await redis
    .multi()
    .set(REDIS_EPOCH_KEY, `${new Date().toISOString()} ${randomUUID()}`, 'NX')
    .get(REDIS_EPOCH_KEY)
    .exec();
  return String(answers?.[1]?.[1]);
}

/** The mark Redis holds now; null when none (a Redis without the bot's data). */
export const epochOf = (redis: Redis): Promise<string | null> => redis.get(REDIS_EPOCH_KEY);
