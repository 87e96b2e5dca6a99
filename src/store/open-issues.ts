import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

/** The key of an author's open issues of `workflow` is this + the author's person key. */
const prefix = (workflow: string) => `ob:open:${workflow}:`;

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
      const members = await people.onKeyOf<string[]>(prefix(workflow), author, 'SMEMBERS');
      return members.filter((issue) => issue !== self).sort();
    },
    async mark(workflow: string, author: string, issue: string, open: boolean): Promise<void> {
      await people.onKeyOf(prefix(workflow), author, open ? 'SADD' : 'SREM', issue);
    },
  };
}

export type OpenIssueIndex = ReturnType<typeof createOpenIssueIndex>;
