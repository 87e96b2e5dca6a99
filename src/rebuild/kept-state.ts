import type { Redis } from 'ioredis';
import { type KeySpace, scanPages } from '../store/keys.js';

/**
 * The keys of `spaces` as they are now (Redis DUMP, with their time to live), and a function that
 * puts them back exactly (keys added since are deleted). Rebuild keeps it of the state it does not
 * clear but its replay writes (people, pings…), to replay again from the same start.
 */
export async function snapshotKeys(redis: Redis, spaces: readonly KeySpace[]): Promise<() => Promise<void>> {
  const patterns = spaces.flatMap((space) => space.patterns);
  const saved: { key: string; dump: Buffer; ttl: number }[] = [];
  for (const key of await keysOf(redis, patterns)) {
    const [dump, ttl] = await Promise.all([redis.dumpBuffer(key), redis.pttl(key)]);
    if (dump) saved.push({ key, dump, ttl: Math.max(ttl, 0) });
  }
  return async () => {
    const now = await keysOf(redis, patterns);
    if (now.length > 0) await redis.del(...now);
    for (const { key, dump, ttl } of saved) await redis.restore(key, ttl, dump, 'REPLACE');
  };
}

async function keysOf(redis: Redis, patterns: readonly string[]): Promise<string[]> {
  const keys = new Set<string>();
  for (const pattern of patterns)
    for await (const page of scanPages(redis, pattern)) for (const key of page) keys.add(key);
  return [...keys];
}
