import type { Redis } from 'ioredis';

/** Where an issue is, inside the keys of the stores: `owner/name#number`. */
export const issueKey = (repo: string, issue: number) => `${repo}#${issue}`;

/**
 * What one store declares about its Redis keys. Every key the bot owns starts with `ob:` and is
 * built in exactly one store module, which lists here the SCAN patterns (`*` only) that cover all
 * of them. `derived`: the state is regrown from Gitea's history, so `rebuild` clears it first;
 * otherwise `kept` says why rebuild leaves it alone. The list of all of them is key-spaces.ts.
 */
export type KeySpace = {
  store: string;
  patterns: readonly string[];
  /** Deletes every key of the space (a no-op for a kept one: only rebuild clears, and only derived state). */
  clear: (redis: Redis) => Promise<void>;
} & ({ derived: true } | { derived: false; kept: string });

/** Declares a store's keys; see KeySpace. */
export function keySpace(
  declared: { store: string; patterns: readonly string[] } & (
    | { derived: true }
    | { derived: false; kept: string }
  ),
): KeySpace {
  return {
    ...declared,
    clear: async (redis) => {
      if (!declared.derived) return;
      for (const pattern of declared.patterns) await deleteMatching(redis, pattern);
    },
  };
}

/** The keys matching `pattern`, a SCAN page at a time (so that Redis is never blocked). */
export async function* scanPages(redis: Redis, pattern: string): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    yield found;
    cursor = next;
  } while (cursor !== '0');
}

/** Every key matching `pattern` (SCAN; a key may be listed twice if keys are added meanwhile). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of scanPages(redis, pattern)) keys.push(...page);
  return keys;
}

/** Deletes the keys matching `pattern` for which `which` holds (all by default), a SCAN page at a time. */
export async function deleteMatching(
  redis: Redis,
  pattern: string,
  which: (key: string) => boolean = () => true,
): Promise<void> {
  for await (const page of scanPages(redis, pattern)) {
    const keys = page.filter(which);
    if (keys.length > 0) await redis.del(...keys);
  }
}
