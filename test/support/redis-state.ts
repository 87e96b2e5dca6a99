import type { Redis } from 'ioredis';
import { KEY_SPACES } from '../../src/store/key-spaces.js';
import { scanPages } from '../../src/store/keys.js';

/** A key's value in a form `toEqual` compares: sets and hashes sorted, whatever order Redis keeps. */
async function storedValue(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return Object.entries(await redis.hgetall(key)).sort(([a], [b]) => a.localeCompare(b));
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return (await redis.smembers(key)).sort();
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    default:
      return `(${type})`;
  }
}

/**
 * Every key of the stores' key spaces (src/store/key-spaces.ts) that `stores` names (default: all)
 * and its value, sorted by key: what two runs compare to show they left the same state.
 */
export async function storedState(
  redis: Redis,
  stores: (store: string) => boolean = () => true,
): Promise<Record<string, unknown>> {
  const keys = new Set<string>();
  for (const space of KEY_SPACES.filter((s) => stores(s.store)))
    for (const pattern of space.patterns)
      for await (const page of scanPages(redis, pattern)) for (const key of page) keys.add(key);
  const state: Record<string, unknown> = {};
  for (const key of [...keys].sort()) state[key] = await storedValue(redis, key);
  return state;
}

/** Every key of the database as it is now (DUMP), and a function that puts exactly that back. */
export async function snapshotDatabase(redis: Redis): Promise<() => Promise<void>> {
  const saved: [string, Buffer, number][] = [];
  for (const key of await redis.keys('*')) {
    const dump = await redis.dumpBuffer(key);
    if (dump) saved.push([key, dump, Math.max(await redis.pttl(key), 0)]);
  }
  return async () => {
    await redis.flushdb();
    for (const [key, dump, ttl] of saved) await redis.restore(key, ttl, dump, 'REPLACE');
  };
}
