import type { Redis } from 'ioredis';

/** The Redis key of a repository's catch-up cursor. */
export const cursorKey = (repo: string) => `ob:catch-up:cursor:${repo.toLowerCase()}`;

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
