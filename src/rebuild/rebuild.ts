import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProgramConfig } from '../config/program.js';
import { createCore } from '../core.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import { dryRunClient } from '../gitea/dry-run.js';
import type { BotEvent } from '../gitea/event.js';
import type { Templates } from '../templates.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { historyEvents, type TimelineEntry } from './history.js';
import { replayHistory } from './replay.js';

export type RebuildOptions = {
  redis: Redis;
  gitea: GiteaClient;
  config: ProgramConfig;
  templates: Templates;
  programRepo: string;
  repos: string[];
  botLogin: string;
  log: Logger;
  now: string;
  /** Timers still in the future after the replay: scheduled for real. */
  scheduleFuture: (timer: DelayedEvent) => Promise<void>;
  progress?: (phase: 'reading' | 'replaying', done: number, total: number) => void;
};

/** Keys the bot derives from Gitea; the queue, locks and the intake's dedupe keys are left alone. */
const DERIVED = [
  'ob:instance*',
  'ob:instances',
  'ob:operators',
  'ob:reports:*',
  'ob:alerts:*',
  'ob:payments:*',
  'ob:open:*',
  'ob:partner-reports:*',
  'ob:posted:*',
  'ob:written:*',
  'ob:status-comment:*',
  'ob:program-issue:*',
  'ob:notified:*',
];

/**
 * Regrows instances, registry, reports, alerts, payments and payroll state from Gitea: every
 * issue of the repos and its comments, replayed through the same decide step in event time,
 * with Gitea writes suppressed (they happened the first time).
 */
export async function rebuild(
  options: RebuildOptions,
): Promise<{ issues: number; events: number; timers: number }> {
  const events: BotEvent[] = [];
  let issues = 0;
  for (const repo of options.repos) {
    for (let page = 1; ; page++) {
      const batch = await options.gitea.listIssues(repoRef(repo), page);
      for (const issue of batch) {
        const number = issue.number ?? 0;
        const [comments, timeline] = await Promise.all([
          options.gitea.listComments(repoRef(repo), number),
          allTimeline(options.gitea, repo, number),
        ]);
        events.push(...historyEvents(repo, issue, comments, timeline, options.botLogin));
        issues += 1;
        options.progress?.('reading', issues, issues);
      }
      if (batch.length < 50) break;
    }
  }
  await clearDerived(options.redis);
  const timers: DelayedEvent[] = [];
  const core = createCore({
    redis: options.redis,
    gitea: dryRunClient(options.gitea, () => undefined),
    config: options.config,
    templates: options.templates,
    programRepo: options.programRepo,
    botLogin: options.botLogin,
    replaying: true,
    enqueueAt: async (timer) => {
      if (!timers.some((t) => t.jobId === timer.jobId)) timers.push(timer);
    },
    log: options.log,
  });
  const future = await replayHistory(events, core.handleEvent, timers, options.now, (done, total) =>
    options.progress?.('replaying', done, total),
  );
  for (const timer of future) await options.scheduleFuture(timer);
  // Comment ids cached during the quiet replay are not real; the worker finds each again by its marker.
  await deleteMatching(options.redis, 'ob:status-comment:*');
  return { issues, events: events.length, timers: future.length };
}

async function allTimeline(gitea: GiteaClient, repo: string, issue: number): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (let page = 1; ; page++) {
    const batch = (await gitea.timeline(repoRef(repo), issue, page)) as TimelineEntry[];
    entries.push(...batch);
    if (batch.length < 50) return entries;
  }
}

async function clearDerived(redis: Redis): Promise<void> {
  for (const pattern of DERIVED) await deleteMatching(redis, pattern);
}

async function deleteMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
