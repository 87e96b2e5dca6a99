import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';
import { contentDigest } from '../gitea/normalize.js';
import { issueKey, keySpace } from './keys.js';

const key = (repo: string, issue: number) => `ob:issue-content:${issueKey(repo, issue)}`;
const KEEP_SECONDS = 90 * 86_400;

export const issueContentKeys = keySpace({
  store: 'issue-contents',
  patterns: ['ob:issue-content:*'],
  derived: false,
  kept: 'what the catch-up remembers of the last admitted title and body; it expires by itself',
});

/**
 * The title and body (contentDigest) of each issue as the last admitted delivery carried them,
 * so the catch-up does not turn an issue the bot only labelled or commented on (which moves its
 * `updated_at`) into an edit.
 */
export function createContentStore(redis: Redis) {
  return {
    note: async (event: BotEvent): Promise<void> => {
      if (!event.kind.startsWith('issue.')) return;
      await redis.set(key(event.repo, event.issue.number), contentDigest(event.issue), 'EX', KEEP_SECONDS);
    },
    last: async (repo: string, issue: number): Promise<string | undefined> =>
      (await redis.get(key(repo, issue))) ?? undefined,
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
