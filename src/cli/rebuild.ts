import { giteaFromEnv } from '../app/compose.js';
import { loadProgram } from '../app/program.js';
import { type Env, markerSecretOf } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { botLoginOf } from '../gitea/bot-login.js';
import type { Logger } from '../logger.js';
import { createDelayedEnqueue } from '../queue/enqueue.js';
import { createEventQueue } from '../queue/event-queue.js';
import { rebuild } from '../rebuild/rebuild.js';
import { withRedis } from './redis.js';

/** `rebuild [--repo owner/repo]…`: regrow the bot's state from the Gitea issue history, with progress. */
export async function runRebuild(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  repos: string[],
): Promise<number> {
  const gitea = giteaFromEnv(env);
  const botLogin = await botLoginOf(gitea);
  const programRepo = env.PROGRAM_REPO ?? '';
  const targets = [...new Set([programRepo, ...repos])];
  return withRedis(env, async (redis) => {
    const queue = createEventQueue(redis);
    const progress = progressBar();
    try {
      const result = await rebuild({
        redis,
        gitea,
        config,
        program: loadProgram(config),
        programRepo,
        repos: targets,
        botLogin,
        markerSecret: markerSecretOf(env),
        log,
        now: new Date().toISOString(),
        scheduleFuture: createDelayedEnqueue(queue),
        ...(progress ? { progress } : {}),
      });
      if (progress) process.stderr.write('\n');
      console.log(
        `Rebuilt from ${result.issues} issues in ${targets.join(', ')}: ${result.events} events replayed, ${result.timers} timers scheduled.`,
      );
      if (result.findings.length > 0) {
        console.log(`Inputs changed after the bot acted on them (${result.findings.length}):`);
        for (const finding of result.findings) console.log(`  - ${finding}`);
      }
      return 0;
    } finally {
      await queue.close();
    }
  });
}

/**
 * A one-line progress display on stderr, redrawn in place at most 10 times a second: issues read
 * and events replayed, each with its rate per second. Only on a terminal (logs and pipes get
 * nothing: the summary line on stdout says it all).
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return undefined;
  const started = { reading: 0, replaying: 0 };
  let drawn = 0;
  return (phase: 'reading' | 'replaying', done: number, total: number) => {
    const now = performance.now();
    if (started[phase] === 0) started[phase] = now;
    const final = phase === 'replaying' && done === total;
    if (!final && now - drawn < 100) return;
    drawn = now;
    stream.write(`\r\x1b[K${progressLine(phase, done, total, (now - started[phase]) / 1000)}`);
  };
}

/** `reading issues   1,234 · 310 issues/s` / `replaying events [#####.....] 1,500/3,000 · 2,400 events/s`. */
export function progressLine(phase: 'reading' | 'replaying', done: number, total: number, seconds: number) {
  const rate = Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en-US');
  const count = done.toLocaleString('en-US');
  if (phase === 'reading') return `reading issues   ${count} · ${rate} issues/s`;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `replaying events [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total.toLocaleString('en-US')} · ${rate} events/s`;
}
