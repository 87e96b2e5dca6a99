import type { Redis } from 'ioredis';

const KEY = 'ob:rotations';

/** When each operator last rotated their credentials (`/rotated`); activation counts as the first. */
export function createRotationStore(redis: Redis) {
  return {
    record: async (login: string, at: string) => {
      await redis.hset(KEY, login.toLowerCase(), at);
    },
    all: async (): Promise<Record<string, string>> => redis.hgetall(KEY),
  };
}

export type RotationStore = ReturnType<typeof createRotationStore>;
