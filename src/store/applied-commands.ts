import type { Redis } from 'ioredis';
import { issueKey, keySpace } from './keys.js';

const key = (repo: string, issue: number) => `ob:applied:${issueKey(repo, issue)}`;

export const appliedCommandKeys = keySpace({
  store: 'applied-commands',
  patterns: ['ob:applied:*'],
  derived: true,
});

/**
 * Comment ids whose program commands (`/report`, `/ping`…) were applied, per issue, kept with no
 * expiry: a delivery replayed after the 7-day dedupe window (its `ob:seen` key and completed job
 * gone) is not applied again. Workflow commands are kept in their instance (`Instance.applied`).
 */
export function createAppliedCommandStore(redis: Redis) {
  return {
    has: async (repo: string, issue: number, commentId: number) =>
      (await redis.sismember(key(repo, issue), String(commentId))) === 1,
    add: async (repo: string, issue: number, commentId: number) => {
      await redis.sadd(key(repo, issue), String(commentId));
    },
  };
}

export type AppliedCommandStore = ReturnType<typeof createAppliedCommandStore>;
