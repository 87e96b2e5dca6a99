import type { Redis } from 'ioredis';

const key = (workflow: string, author: string) => `ob:open:${workflow}:${author.toLowerCase()}`;

/** Which issues of an author run a workflow and are still open (e.g. one open application each). */
export function createOpenIssueIndex(redis: Redis) {
  return {
    async others(workflow: string, author: string, self: string): Promise<string[]> {
      return (await redis.smembers(key(workflow, author))).filter((issue) => issue !== self).sort();
    },
    async mark(workflow: string, author: string, issue: string, open: boolean): Promise<void> {
      if (open) await redis.sadd(key(workflow, author), issue);
      else await redis.srem(key(workflow, author), issue);
    },
  };
}

export type OpenIssueIndex = ReturnType<typeof createOpenIssueIndex>;
