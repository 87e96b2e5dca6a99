import type { Redis } from 'ioredis';
import { type GiteaClient, repoRef } from './client.js';
import type { LabelCatalog } from './labels.js';

export type ProgramIssue = { title: string; body: string; labels: string[] };

const keyOf = (key: string) => `ob:program-issue:${key}`;
const markerOf = (key: string) => `<!-- operator-bot:program-issue ${key} -->`;

/**
 * Opens the program repo's issue for `key` (a week's reminders, a month's payroll) or edits it if
 * it exists: found by the number remembered in Redis, else by the hidden marker in its body
 * (so a lost Redis does not open a second one). Returns the issue number.
 */
export function createProgramIssues(
  gitea: GiteaClient,
  labels: LabelCatalog,
  redis: Redis,
  programRepo: string,
) {
  const repo = repoRef(programRepo);
  return {
    async upsert(key: string, issue: ProgramIssue): Promise<number> {
      const body = `${issue.body}\n\n${markerOf(key)}`;
      const known = Number(await redis.get(keyOf(key))) || (await find(key, issue.title));
      if (known) {
        await gitea.editIssue(repo, known, { title: issue.title, body });
        await redis.set(keyOf(key), known);
        return known;
      }
      const labelIds = await Promise.all(
        issue.labels.map(async (name) => (await labels.ensure(repo, name)).id ?? 0),
      );
      const created = await gitea.createIssue(repo, { title: issue.title, body, labels: labelIds });
      await redis.set(keyOf(key), created.number ?? 0);
      return created.number ?? 0;
    },
    /** Whether the issue for `key` was opened (as far as Redis remembers). */
    exists: async (key: string) => (await redis.exists(keyOf(key))) === 1,
  };

  /** Titles are stable per key (`Payroll 2026-11`), so Gitea's search by title finds it; the marker confirms. */
  async function find(key: string, title: string): Promise<number | undefined> {
    const marker = markerOf(key);
    const found = (await gitea.searchIssues(repo, title)).find((i) => i.body?.includes(marker));
    return found?.number;
  }
}

export type ProgramIssues = ReturnType<typeof createProgramIssues>;
