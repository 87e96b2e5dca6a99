import type { Logger } from 'pino';
import { type GiteaClient, GiteaError, type Issue, repoRef } from '../gitea/client.js';
import { CATCH_UP_DELIVERY_ID } from '../gitea/event.js';
import { normalizeDelivery } from '../gitea/normalize.js';
import type { Admit } from '../intake/admit.js';
import type { CursorStore } from '../store/catch-up-cursors.js';
import type { ContentStore } from '../store/issue-contents.js';
import {
  commentDelivery,
  commentIssueNumber,
  issueDeliveries,
  type SynthesisedDelivery,
} from './synthesise.js';

/**
 * How far before the start of the last run the next one reads again. Gitea's `since` is
 * inclusive at one-second resolution, and a change is stamped (`updated_unix`) before its
 * transaction commits, so a change can become visible with a time just before the run that
 * missed it. A minute covers that and a lagging clock; what is read twice is deduplicated by
 * its content key (comment id, issue id + content), so the overlap costs reads, not effects.
 */
export const OVERLAP_MS = 60_000;

export type CatchUpDeps = {
  gitea: GiteaClient;
  cursors: CursorStore;
  contents: ContentStore;
  /** The intake's road: own events and irrelevant ones dropped, the rest enqueued once per content key. */
  admit: Admit;
  /** `owner/repo` of every watched repository. */
  repos: readonly string[];
  /** How far back a repository's first run reads, in ms (no cursor yet). */
  firstLookbackMs: number;
  log: Logger;
};

export type CatchUpResult = { repo: string; since: string; found: number; queued: number };

/**
 * Reads what changed in each watched repository since its cursor (issues and comments, every
 * page), turns it into the deliveries Gitea would have sent, and sends those through the
 * intake's road: what a webhook already brought is a duplicate and has no second effect. The
 * cursor then moves to Gitea's time at the start of the run, less OVERLAP_MS. Throws on a Gitea
 * or Redis failure (the job is retried; the cursor has not moved).
 */
export function createCatchUp(deps: CatchUpDeps) {
  return async function catchUp(): Promise<CatchUpResult[]> {
    const results: CatchUpResult[] = [];
    for (const repo of deps.repos) results.push(await catchUpRepo(repo));
    return results;
  };

  async function catchUpRepo(repo: string): Promise<CatchUpResult> {
    const ref = repoRef(repo);
    const startedAt = Date.parse(await deps.gitea.serverTime());
    const stored = await deps.cursors.get(repo);
    const since = wholeSeconds(stored ? Date.parse(stored) : startedAt - deps.firstLookbackMs);
    const issues = await deps.gitea.allIssues(ref, since);
    const comments = await deps.gitea.repoComments(ref, since);
    const known = new Map<number, Issue | undefined>(issues.map((issue) => [issue.number ?? 0, issue]));
    const counts = { found: 0, queued: 0 };
    const send = async (delivery: SynthesisedDelivery) => {
      const normalized = normalizeDelivery(delivery.eventType, delivery.payload, CATCH_UP_DELIVERY_ID);
      if (normalized.outcome !== 'event') {
        deps.log.warn({ repo, reason: normalized }, 'catch-up: a delivery it made does not parse');
        return;
      }
      counts.found += 1;
      if ((await deps.admit(normalized.event, normalized.dedupeKey)) === 'queued') counts.queued += 1;
    };
    for (const issue of issues) {
      const last = await deps.contents.last(repo, issue.number ?? 0);
      for (const delivery of issueDeliveries(repo, issue, since, last)) await send(delivery);
    }
    for (const comment of comments) {
      const number = commentIssueNumber(comment);
      const issue = number === undefined ? undefined : await issueOf(ref, number, known);
      const delivery = issue && commentDelivery(repo, issue, comment, since);
      if (delivery) await send(delivery);
    }
    const next = Math.max(Date.parse(since), startedAt - OVERLAP_MS);
    await deps.cursors.set(repo, wholeSeconds(next));
    const result = { repo, since, ...counts };
    deps.log.info(result, 'caught up');
    return result;
  }

  /** The comment's issue: from this run's list, else read once (a pull request, or a deleted issue: none). */
  async function issueOf(
    ref: ReturnType<typeof repoRef>,
    number: number,
    known: Map<number, Issue | undefined>,
  ) {
    if (!known.has(number)) {
      const issue = await deps.gitea.issue(ref, number).catch((error: unknown) => {
        if (error instanceof GiteaError && error.status === 404) return undefined;
        throw error;
      });
      known.set(number, issue);
    }
    return known.get(number);
  }
}

/** RFC 3339 without fractions: Gitea compares `since` in whole seconds. */
const wholeSeconds = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
