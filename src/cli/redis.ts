import { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import { openDataDirRedis } from '../redis/data-dir.js';

/**
 * Runs `use` with the bot's Redis: `REDIS_URL`, else the running bot's embedded one on DATA_DIR
 * (shared state), else one started here for the command (see openDataDirRedis).
 */
export async function withRedis<T>(env: Env, use: (redis: Redis) => Promise<T>): Promise<T> {
  const local = env.REDIS_URL
    ? undefined
    : await openDataDirRedis(env.DATA_DIR, { owner: 'tool', command: commandLine() });
  const redis = new Redis(local?.url ?? (env.REDIS_URL as string), { maxRetriesPerRequest: null });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
    await local?.stop();
  }
}

/** The command as typed, for the lock file (`operators list`, `payroll open`). */
const commandLine = () =>
  process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('-'))
    .slice(0, 2)
    .join(' ') || 'command';
