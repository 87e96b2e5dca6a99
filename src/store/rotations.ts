import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const KEY = 'ob:rotations';
const logKey = (login: string) => `ob:rotations:log:${login.toLowerCase()}`;

/** Logs one rotation and keeps the newest as the last. KEYS: last hash, log. ARGV: person key, ms, ISO time. */
const RECORD = `
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
local newest = redis.call('ZREVRANGE', KEYS[2], 0, 0)[1]
redis.call('HSET', KEYS[1], ARGV[1], newest)
`;

export const rotationKeys = keySpace({
  store: 'rotations',
  patterns: [KEY, 'ob:rotations:log:*'],
  derived: false,
  kept: 'never cleared by rebuild: the events it runs write each rotation again (a hash field and a sorted-set member)',
});

/** When each operator rotated their credentials (`/rotated`); activation counts as the first. */
export function createRotationStore(redis: Redis) {
  const people = createPeople(redis);
  /** Stored by person key (people.ts); given back by current login. */
  const shown = async (byKey: Record<string, string>) =>
    Object.fromEntries(
      await Promise.all(Object.entries(byKey).map(async ([k, at]) => [await people.shown(k), at] as const)),
    );
  return {
    /**
     * Logs a rotation at `at` (ISO); the last rotation is the newest logged, not the last
     * recorded: Gitea delivers from several workers, so an older `/rotated` can come second.
     */
    record: async (login: string, at: string) => {
      const k = await people.keyOf(login);
      await redis.eval(RECORD, 2, KEY, logKey(k), k, Date.parse(at), at);
    },
    /** The last rotation of each operator, by login. */
    all: async (): Promise<Record<string, string>> => shown(await redis.hgetall(KEY)),
    /**
     * The last rotation of each operator at `at` (ISO): what a past month's credential flags are
     * judged on, so that a rotation after the month does not change it.
     */
    async asOf(at: string): Promise<Record<string, string>> {
      const until = Date.parse(at);
      const last = await redis.hgetall(KEY);
      const entries = await Promise.all(
        Object.entries(last).map(async ([login, latest]) => {
          if (Date.parse(latest) <= until) return [login, latest] as const;
          const [before] = await redis.zrevrangebyscore(logKey(login), until, '-inf', 'LIMIT', 0, 1);
          return before ? ([login, before] as const) : undefined;
        }),
      );
      return shown(Object.fromEntries(entries.filter((entry) => entry !== undefined)));
    },
  };
}

export type RotationStore = ReturnType<typeof createRotationStore>;
