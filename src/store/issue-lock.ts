import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { issueKey, keySpace } from './keys.js';

const lockKey = (repo: string, issue: number) => `ob:lock:${issueKey(repo, issue)}`;

export const issueLockKeys = keySpace({
  store: 'issue-lock',
  patterns: ['ob:lock:*'],
  derived: false,
  kept: 'a lock held by a running job; it expires by itself',
});

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** A per-issue mutex so that jobs for one issue never interleave, even across workers. */
export function createIssueLock(redis: Redis, ttlMs = 30_000) {
  return {
    async acquire(repo: string, issue: number): Promise<(() => Promise<void>) | undefined> {
      const key = lockKey(repo, issue);
      const token = randomUUID();
      const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
      if (ok !== 'OK') return undefined;
      // Held as long as the job runs (a slow Gitea must not let a second job in), gone ttlMs after a crash.
      const heartbeat = setInterval(() => {
        redis.eval(EXTEND, 1, key, token, ttlMs).catch(() => undefined);
      }, ttlMs / 3);
      heartbeat.unref();
      return async () => {
        clearInterval(heartbeat);
        await redis.eval(RELEASE, 1, key, token);
      };
    },
  };
}

export type IssueLock = ReturnType<typeof createIssueLock>;
