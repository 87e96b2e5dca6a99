import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { composeRoad } from '../app/compose.js';
import type { Program } from '../app/program.js';
import type { ProgramConfig } from '../config/program.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { createMarkerSeal } from '../domain/text/marker.js';
import { type Comment, type GiteaClient, repoRef } from '../gitea/client.js';
import { dryRunClient } from '../gitea/dry-run.js';
import type { BotEvent } from '../gitea/event.js';
import { writtenInComments } from '../gitea/writer.js';
import { clearDerivedState } from '../store/key-spaces.js';
import { createOperatorStore } from '../store/operators.js';
import { forgetStatusCommentsExcept, recordWritten, type WrittenRecords } from '../store/written.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { askedOnce } from './asked-once.js';
import { runInEventTime } from './event-time.js';
import { historyEvents } from './history.js';
import { importedRecords } from './imports.js';
import { asRecorded, checkInputs } from './inputs.js';
import { concurrencyLimit } from './limit.js';

export type RebuildOptions = {
  redis: Redis;
  gitea: GiteaClient;
  config: ProgramConfig;
  /** The templates and workflows, loaded once per process (app/program.ts). */
  program: Program;
  programRepo: string;
  repos: string[];
  botLogin: string;
  /** The secret of the bot's marker MACs (the same as the worker's, or no marker verifies). */
  markerSecret: string;
  log: Logger;
  now: string;
  /** Timers still in the future after the replay: scheduled for real. */
  scheduleFuture: (timer: DelayedEvent) => Promise<void>;
  progress?: (phase: 'reading' | 'replaying', done: number, total: number) => void;
  /** Gitea requests in flight while reading; default 4. */
  concurrency?: number;
};

type IssueRef = { repo: { owner: string; name: string }; issue: number };

/**
 * Regrows instances, registry, reports, alerts, payments and payroll state from Gitea: every
 * issue of the repos and its comments, replayed through the same decide step in event time,
 * with Gitea writes suppressed (they happened the first time).
 */
export async function rebuild(
  options: RebuildOptions,
): Promise<{ issues: number; events: number; timers: number; findings: string[] }> {
  const imported: OperatorRecord[] = [];
  const definitions = options.program.workflows.map((w) => w.definition);
  const seal = createMarkerSeal(options.markerSecret);
  const isFinal = (workflow: string, state: string) =>
    definitions.find((d) => d.name === workflow)?.states[state]?.final === true;
  const limit = concurrencyLimit(options.concurrency ?? 4);
  const perIssue: Promise<{
    events: BotEvent[];
    findings: string[];
    written: WrittenRecords;
    ref: IssueRef;
  }>[] = [];
  const commentsRead = new Map<string, Comment[]>();
  let issues = 0;
  for (const repo of options.repos) {
    for (const issue of await limit(() => options.gitea.allIssues(repoRef(repo)))) {
      const number = issue.number ?? 0;
      if (issue.user?.login?.toLowerCase() === options.botLogin.toLowerCase()) {
        const records = importedRecords(issue.body ?? '', seal, repo) ?? [];
        imported.push(...records.map((record) => ({ ...record, applicationIssue: `${repo}#${number}` })));
      }
      // Each issue's comments and timeline are read while the next issues' are (at most
      // `concurrency` requests in flight).
      const read = Promise.all([
        limit(() => options.gitea.listComments(repoRef(repo), number)),
        limit(() => options.gitea.timeline(repoRef(repo), number)),
      ]).then(([comments, timeline]) => {
        commentsRead.set(`${repo}#${number}`, comments);
        issues += 1;
        options.progress?.('reading', issues, issues);
        // Replay what the bot acted on, not what the text says now (edited or deleted since).
        const checked = checkInputs(`${repo}#${number}`, issue, comments, options.botLogin, isFinal, seal);
        const events = checked.skipIssue
          ? []
          : historyEvents(repo, issue, checked.comments, timeline, options.botLogin).map((event) =>
              asRecorded(event, checked.recorded),
            );
        return {
          events,
          findings: checked.findings,
          written: writtenInComments(comments, options.botLogin, seal, `${repo}#${number}`),
          ref: { repo: repoRef(repo), issue: number },
        };
      });
      read.catch(() => undefined);
      perIssue.push(read);
    }
  }
  const histories = await Promise.all(perIssue);
  const events = histories.flatMap((history) => history.events);
  const findings = histories.flatMap((history) => history.findings);
  // The queue, locks and the intake's dedupe keys stay (see each store's key space).
  await clearDerivedState(options.redis);
  // Operators imported from before the bot exist before the events that concern them replay.
  const registry = createOperatorStore(options.redis);
  for (const record of imported) await registry.put(record);
  // The ids of the comments the bot wrote, from their markers: the replay edits them (quietly),
  // and the worker after it edits them without looking them up again.
  const known = new Set<string>();
  for (const { ref, written } of histories)
    for (const key of await recordWritten(options.redis, ref, written)) known.add(key);
  const timers: DelayedEvent[] = [];
  // Commands the replay issues together (Promise.all in the stores and the worker) go out in one write.
  const replayRedis = options.redis.duplicate({ enableAutoPipelining: true });
  const core = composeRoad({
    ...options.program,
    redis: replayRedis,
    // The replay's writer looks for the bot's comments in what was just read, not in Gitea again.
    gitea: dryRunClient(
      {
        ...askedOnce(options.gitea),
        listComments: async (repo, issue) => commentsRead.get(`${repo.owner}/${repo.name}#${issue}`) ?? [],
      },
      () => undefined,
    ),
    config: options.config,
    programRepo: options.programRepo,
    botLogin: options.botLogin,
    markerSecret: options.markerSecret,
    // Replaying history: the issues the bot opened are in it already, so none is opened (nor any
    // schedule's), nobody is notified again, and each event is decided on as it was, not on today's issue.
    openProgramIssue: async () => 0,
    notify: async () => [],
    readsIssues: false,
    enqueueAt: async (timer) => {
      if (!timers.some((t) => t.jobId === timer.jobId)) timers.push(timer);
    },
    log: options.log,
  });
  const future = await runInEventTime(events, core.handleEvent, timers, options.now, (done, total) =>
    options.progress?.('replaying', done, total),
  ).finally(() => replayRedis.disconnect());
  for (const timer of future) await options.scheduleFuture(timer);
  // Status comments the quiet replay "created" have no real id; the worker finds each by its marker.
  await forgetStatusCommentsExcept(options.redis, known);
  return { issues, events: events.length, timers: future.length, findings };
}
