import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { composeForCommand, giteaFromEnv } from '../app/compose.js';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { dryRunClient } from '../gitea/dry-run.js';
import { normalizeDelivery } from '../gitea/normalize.js';
import type { Logger } from '../logger.js';
import { createDelayedEnqueue } from '../queue/enqueue.js';
import { createEventQueue } from '../queue/event-queue.js';
import { openDataDirRedis } from '../redis/data-dir.js';
import { startEmbeddedRedis } from '../redis/embedded.js';
import { describeWrite } from './describe-write.js';

/** `json`: print each dry-run write as one JSON line instead of readable text. */
export type ReplayOptions = { file: string; eventType?: string; dryRun: boolean; json?: boolean };

/** Processes one recorded webhook payload as if it had been delivered (like `probot receive`). */
export async function runReplay(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  options: ReplayOptions,
): Promise<number> {
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(options.file, 'utf8'));
  } catch (error) {
    console.error(
      `Cannot read ${options.file}: ${(error as Error).message}. Give the path of a webhook payload JSON file.`,
    );
    return 2;
  }
  const eventType = options.eventType ?? guessEventType(payload);
  const normalized = normalizeDelivery(eventType, payload);
  if (normalized.outcome !== 'event') {
    console.error(
      `${options.file}: ${normalized.reason}. Pass --event issues|issue_label|issue_assign|issue_comment.`,
    );
    return 2;
  }
  // A dry run starts from an empty throwaway state so that nothing real is touched.
  const scratch = options.dryRun ? mkdtempSync(join(tmpdir(), 'operator-bot-replay-')) : undefined;
  const embedded = scratch
    ? await startEmbeddedRedis(scratch, { persist: false })
    : env.REDIS_URL
      ? undefined
      : await openDataDirRedis(env.DATA_DIR, { owner: 'tool', command: 'replay' });
  const redis = new Redis(embedded?.url ?? (env.REDIS_URL as string), { maxRetriesPerRequest: null });
  const real = giteaFromEnv(env);
  const print = (write: { call: string; args: unknown[] }) =>
    console.log(options.json ? JSON.stringify({ dryRun: true, ...write }) : describeWrite(write));
  const gitea = options.dryRun ? dryRunClient(real, print) : real;
  const queue = options.dryRun ? undefined : createEventQueue(redis);
  try {
    const core = await composeForCommand({
      env,
      config,
      log,
      redis,
      gitea,
      enqueueAt: queue
        ? createDelayedEnqueue(queue)
        : async (timer) => print({ call: 'scheduleTimer', args: [timer.jobId, timer.dueAt] }),
      // The recorded payload is the input being tried: decided on as it is, offline too.
      readsIssues: false,
    });
    if (!core.isRelevant(normalized.event)) {
      console.log('No workflow acts on this event; nothing to do.');
      return 0;
    }
    await core.handleEvent(normalized.event);
    console.log(`Processed ${eventType} #${normalized.event.issue.number} in ${normalized.event.repo}.`);
    return 0;
  } finally {
    await queue?.close();
    redis.disconnect();
    await embedded?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function guessEventType(payload: unknown): string {
  const p = payload as { comment?: unknown; action?: string };
  if (p.comment) return 'issue_comment';
  if (p.action?.startsWith('label_')) return 'issue_label';
  if (p.action === 'assigned' || p.action === 'unassigned') return 'issue_assign';
  return 'issues';
}
