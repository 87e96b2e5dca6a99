import { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import { startEmbeddedRedis } from '../redis/embedded.js';

/** Runs `use` with the bot's Redis: `REDIS_URL`, or the embedded one on `DATA_DIR` (started and stopped here). */
export async function withRedis<T>(env: Env, use: (redis: Redis) => Promise<T>): Promise<T> {
  const embedded = env.REDIS_URL ? undefined : await startEmbeddedRedis(env.DATA_DIR);
  const redis = new Redis(embedded?.url ?? (env.REDIS_URL as string), { maxRetriesPerRequest: null });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
    await embedded?.stop();
  }
}
