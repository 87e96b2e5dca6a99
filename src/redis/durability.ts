import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DURABLE_REDIS } from './embedded.js';

/** The settings as a redis.conf would say them: `appendonly yes, appendfsync always, …`. */
const settings = Object.entries(DURABLE_REDIS)
  .map(([name, value]) => `${name} ${value}`)
  .join(', ');

/**
 * Checks that `redis` keeps every write it answered (DURABLE_REDIS: on disk before the answer,
 * never evicted): otherwise a Redis crash or a full Redis loses deliveries already answered 202
 * (Gitea never sends them again) and ledger writes already reported in Gitea. Says so in the log, naming
 * each setting and its fix, and returns the settings found wrong (`[]` when durable). A Redis that
 * refuses CONFIG GET (managed services) is reported as unchecked, not as wrong.
 */
export async function checkDurability(redis: Redis, log: Logger): Promise<string[]> {
  let found: Record<string, string>;
  try {
    const pairs: string[] = [];
    for (const name of Object.keys(DURABLE_REDIS))
      pairs.push(...((await redis.config('GET', name)) as string[]));
    found = Object.fromEntries(
      Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]]),
    );
  } catch (error) {
    log.warn(
      { err: error },
      `could not read Redis persistence settings (CONFIG GET refused): make sure it runs with ${settings}, or a Redis crash loses deliveries already answered 202`,
    );
    return [];
  }
  const wrong = (Object.entries(DURABLE_REDIS) as [string, string][])
    .filter(([name, value]) => found[name] !== value)
    .map(([name, value]) => `${name} is ${found[name] ?? 'unset'} (set ${name} ${value})`);
  if (wrong.length > 0)
    log.warn(
      { redis: wrong },
      `Redis may lose writes it acknowledged: ${wrong.join('; ')}. A Redis crash (or, evicting, a full Redis) would lose deliveries already answered 202 and payments already reported.`,
    );
  return wrong;
}
