import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Program } from '../app/program.js';
import type { ProgramConfig } from '../config/program.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { createMarkerSeal } from '../domain/text/marker.js';
import { type Comment, type GiteaClient, repoRef, type TimelineComment } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { writtenInComments } from '../gitea/writer.js';
import type { WrittenRecords } from '../store/written.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { asEditedBeforeRead, editedBeforeRead } from './edited-before-read.js';
import { historyEvents } from './history.js';
import { importedRecords } from './imports.js';
import { asRecorded, checkInputs } from './inputs.js';
import { concurrencyLimit, limitedCalls } from './limit.js';
import { replayHistory } from './replay.js';

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
  /** Gitea requests in flight (reading, and the replay's reads); default 4. */
  concurrency?: number;
  /** Events replayed side by side at most (replay.ts); 1 replays one after another. Default REPLAY_CONCURRENCY. */
  replayConcurrency?: number;
};

/**
 * Events replayed side by side by default: the more in flight, the more Redis commands go out in
 * one write (1,000 issues: replaying 2.35 s at 128, 2.13 s at 512, 2.08 s at 1,024; bench/RESULTS.md).
 */
export const REPLAY_CONCURRENCY = 512;

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
      // One read per issue, while the next issues' are read (at most `concurrency` in flight):
      // its timeline holds its comments as well as its closes, reopens and label changes.
      const read = limit(() => options.gitea.timeline(repoRef(repo), number)).then((timeline) => {
        const comments = commentsIn(timeline);
        commentsRead.set(`${repo}#${number}`, comments);
        issues += 1;
        options.progress?.('reading', issues, issues);
        // Replay what the bot acted on, not what the text says now (edited or deleted since).
        const checked = checkInputs(`${repo}#${number}`, issue, comments, options.botLogin, isFinal, seal);
        const notRun = editedBeforeRead(comments, options.botLogin, seal, `${repo}#${number}`);
        const events = checked.skipIssue
          ? []
          : historyEvents(repo, issue, checked.comments, timeline, options.botLogin).map((event) =>
              asEditedBeforeRead(asRecorded(event, checked.recorded), notRun),
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
  const future = await replayHistory({
    ...options,
    gitea: limitedCalls(options.gitea, limit),
    events,
    imported,
    written: histories,
    commentsRead,
    concurrency: options.replayConcurrency ?? REPLAY_CONCURRENCY,
    onProgress: (done, total) => options.progress?.('replaying', done, total),
  });
  for (const timer of future) await options.scheduleFuture(timer);
  return { issues, events: events.length, timers: future.length, findings };
}

/**
 * An issue's comments as its timeline gives them: the entries of type `comment`, with the fields
 * Gitea's comment list gives (services/convert/issue_comment.go ToTimelineComment fills them from
 * the same comment as ToAPIComment). Reading them there saves a comment list per issue or per repo.
 */
function commentsIn(timeline: readonly TimelineComment[]): Comment[] {
  return timeline
    .filter((entry) => entry.type === 'comment')
    .map(({ id, body, user, created_at, updated_at, html_url, issue_url }) => ({
      id,
      body,
      user,
      created_at,
      updated_at,
      html_url,
      issue_url,
    }));
}
