import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const key = (workflow: string, author: string) => `ob:open:${workflow}:${author.toLowerCase()}`;

export const openIssueKeys = keySpace({
  store: 'open-issues',
  patterns: ['ob:open:*'],
  derived: true,
});

/** Which issues of an author (by person key, people.ts) run a workflow and are still open (e.g. one open application each). */
export function createOpenIssueIndex(redis: Redis) {
  const people = createPeople(redis);
  return {
    async others(workflow: string, author: string, self: string): Promise<string[]> {
      const members = await redis.smembers(key(workflow, await people.keyOf(author)));
      return members.filter((issue) => issue !== self).sort();
    },
    async mark(workflow: string, author: string, issue: string, open: boolean): Promise<void> {
      const person = key(workflow, await people.keyOf(author));
      if (open) await redis.sadd(person, issue);
      else await redis.srem(person, issue);
    },
  };
}

export type OpenIssueIndex = ReturnType<typeof createOpenIssueIndex>;
