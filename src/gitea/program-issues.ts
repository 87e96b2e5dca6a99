import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { MarkerSeal } from '../domain/text/marker.js';
import { createProgramIssueNumbers } from '../store/program-issues.js';
import { type GiteaClient, repoRef } from './client.js';
import type { LabelCatalog } from './labels.js';

/** A hidden fact the bot writes into a program issue it opens, signed when written (`kind`, one-line payload). */
export type IssueMarker = { kind: string; payload: string };

/** A program issue as the bot wants it; `state` closes (or reopens) it when given, else it is left as it is. */
export type ProgramIssue = {
  title: string;
  body: string;
  labels: string[];
  markers?: IssueMarker[];
  state?: 'open' | 'closed';
};

export const PROGRAM_ISSUE_MARKER = 'program-issue';

export type ProgramIssueDeps = {
  gitea: GiteaClient;
  labels: LabelCatalog;
  redis: Redis;
  programRepo: string;
  botLogin: string;
  seal: MarkerSeal;
  log: Logger;
};

/**
 * Opens the program repo's issue for `key` (a week's reminders, a month's payroll) or edits it if
 * it exists: found by the number remembered in Redis, else by its title, its author (the bot
 * account: an issue a person opened with the same title and a copied marker is an impostor,
 * skipped and logged) and its signed marker — so a lost Redis does not open a second one.
 */
export function createProgramIssues(deps: ProgramIssueDeps) {
  const { gitea, programRepo } = deps;
  const numbers = createProgramIssueNumbers(deps.redis);
  const repo = repoRef(programRepo);
  const bodyOf = (key: string, issue: ProgramIssue) =>
    [
      issue.body,
      '',
      ...(issue.markers ?? []).map((m) => deps.seal.seal(m.kind, m.payload, programRepo)),
      deps.seal.seal(PROGRAM_ISSUE_MARKER, key, programRepo),
    ].join('\n');
  return {
    /** Writes the issue; returns its number and the body as written (with its signed markers). */
    async upsert(key: string, issue: ProgramIssue): Promise<{ number: number; body: string }> {
      const body = bodyOf(key, issue);
      const known = (await numbers.get(key)) || (await find(key, issue.title));
      if (known) {
        await gitea.editIssue(repo, known, {
          title: issue.title,
          body,
          ...(issue.state ? { state: issue.state } : {}),
        });
        await numbers.set(key, known);
        return { number: known, body };
      }
      const labelIds = await Promise.all(
        issue.labels.map(async (name) => (await deps.labels.ensure(repo, name)).id ?? 0),
      );
      const created = await gitea.createIssue(repo, { title: issue.title, body, labels: labelIds });
      await numbers.set(key, created.number ?? 0);
      if (issue.state === 'closed') await gitea.setIssueState(repo, created.number ?? 0, 'closed');
      return { number: created.number ?? 0, body };
    },
    /** Whether the issue for `key` was opened (as far as Redis remembers). */
    exists: (key: string) => numbers.has(key),
  };

  /** Titles are stable per key (`Payroll 2026-11`), so Gitea's search by title finds it; author and marker confirm. */
  async function find(key: string, title: string): Promise<number | undefined> {
    for (const candidate of await gitea.searchIssues(repo, title)) {
      const author = candidate.user?.login ?? '';
      if (author.toLowerCase() !== deps.botLogin.toLowerCase()) {
        if (candidate.title === title)
          deps.log.warn(
            { issue: candidate.number, author, key },
            'skipped an issue titled like a program issue that the bot did not open (impostor)',
          );
        continue;
      }
      if (deps.seal.read(candidate.body ?? '', PROGRAM_ISSUE_MARKER, programRepo).includes(key))
        return candidate.number;
    }
    return undefined;
  }
}

export type ProgramIssues = ReturnType<typeof createProgramIssues>;
