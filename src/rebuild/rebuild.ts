import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProgramConfig } from '../config/program.js';
import { createCore } from '../core.js';
import type { OperatorRecord } from '../domain/registry.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import { dryRunClient } from '../gitea/dry-run.js';
import type { BotEvent } from '../gitea/event.js';
import { createRegistryStore } from '../store/registry.js';
import type { Templates } from '../templates.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { loadWorkflows } from '../workflows/registry.js';
import { historyEvents, type TimelineEntry } from './history.js';
import { importedRecords } from './imports.js';
import { asRecorded, checkInputs } from './inputs.js';
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
  'ob:operator-logins',
  'ob:operator-history:*',
  'ob:reports:*',
  'ob:alerts:*',
  'ob:payments:*',
  'ob:open:*',
  'ob:partner-reports:*',
  'ob:posted:*',
  'ob:status-comment:*',
  'ob:program-issue:*',
  'ob:notified:*',
  'ob:applied:*',
];

/**
 * Regrows instances, registry, reports, alerts, payments and payroll state from Gitea: every
 * issue of the repos and its comments, replayed through the same decide step in event time,
 * with Gitea writes suppressed (they happened the first time).
 */
export async function rebuild(
  options: RebuildOptions,
): Promise<{ issues: number; events: number; timers: number; findings: string[] }> {
  const events: BotEvent[] = [];
  const imported: OperatorRecord[] = [];
  const findings: string[] = [];
  const definitions = loadWorkflows(options.templates, options.config).map((w) => w.definition);
  const isFinal = (workflow: string, state: string) =>
    definitions.find((d) => d.name === workflow)?.states[state]?.final === true;
  let issues = 0;
  for (const repo of options.repos) {
    for (let page = 1; ; page++) {
      const batch = await options.gitea.listIssues(repoRef(repo), page);
      for (const issue of batch) {
        const number = issue.number ?? 0;
        if (issue.user?.login?.toLowerCase() === options.botLogin.toLowerCase()) {
          const records = importedRecords(issue.body ?? '') ?? [];
          imported.push(...records.map((record) => ({ ...record, applicationIssue: `${repo}#${number}` })));
        }
        const [comments, timeline] = await Promise.all([
          options.gitea.listComments(repoRef(repo), number),
          allTimeline(options.gitea, repo, number),
        ]);
        // Replay what the bot acted on, not what the text says now (edited or deleted since).
        const checked = checkInputs(`${repo}#${number}`, issue, comments, options.botLogin, isFinal);
        findings.push(...checked.findings);
        if (!checked.skipIssue)
          events.push(
            ...historyEvents(repo, issue, checked.comments, timeline, options.botLogin).map((event) =>
              asRecorded(event, checked.recorded),
            ),
          );
        issues += 1;
        options.progress?.('reading', issues, issues);
      }
      if (batch.length < 50) break;
    }
  }
  await clearDerived(options.redis);
  // Operators imported from before the bot exist before the events that concern them replay.
  const registry = createRegistryStore(options.redis);
  for (const record of imported) await registry.put(record);
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
  return { issues, events: events.length, timers: future.length, findings };
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
