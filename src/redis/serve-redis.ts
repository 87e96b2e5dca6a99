import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { type DataDirRedis, openDataDirRedis } from './data-dir.js';

/**
 * The Redis of `serve` / `worker`: REDIS_URL when set, else the embedded redis-server on
 * DATA_DIR (started here, or the one another bot process on DATA_DIR runs), said in the log.
 * `embedded` is what `stop` must stop (absent with REDIS_URL).
 */
export async function serveRedis(
  env: Env,
  command: 'serve' | 'worker',
  log: Logger,
): Promise<{ url: string; embedded?: DataDirRedis }> {
  if (env.REDIS_URL) return { url: env.REDIS_URL };
  const embedded = await openDataDirRedis(env.DATA_DIR, { owner: 'serve', command });
  log.info(
    { dataDir: env.DATA_DIR },
    embedded.shared
      ? 'using the embedded redis-server of the bot already running on DATA_DIR'
      : 'started an embedded redis-server (set REDIS_URL to use your own); CLI commands on DATA_DIR connect to it',
  );
  return { url: embedded.url, embedded };
}
