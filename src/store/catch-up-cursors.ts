import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';

/** The Redis key of a repository's catch-up cursor. */
export const cursorKey = (repo: string) => `ob:catch-up:cursor:${repo.toLowerCase()}`;

export const catchUpCursorKeys = keySpace({
  store: 'catch-up-cursors',
  patterns: ['ob:catch-up:cursor:*'],
  derived: false,
  kept: 'where the catch-up reads from next; clearing it would re-read events the queue already holds',
});

/** Per repository, the Gitea time from which the next catch-up reads (ISO 8601), kept in Redis. */
export function createCursorStore(redis: Redis) {
  return {
    get: async (repo: string): Promise<string | undefined> => (await redis.get(cursorKey(repo))) ?? undefined,
    set: async (repo: string, at: string): Promise<void> => {
      await redis.set(cursorKey(repo), at);
    },
  };
}

export type CursorStore = ReturnType<typeof createCursorStore>;
