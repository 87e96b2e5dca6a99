import { type Env, markerSecretOf } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import type { Logger } from '../logger.js';
import { createDelayedEnqueue } from '../queue/enqueue.js';
import { createEventQueue } from '../queue/event-queue.js';
import { rebuild } from '../rebuild/rebuild.js';
import { loadTemplates } from '../templates.js';
import { giteaFromEnv } from './core.js';
import { withRedis } from './redis.js';

/** `rebuild [--repo owner/repo]…`: regrow the bot's state from the Gitea issue history, with progress. */
export async function runRebuild(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  repos: string[],
): Promise<number> {
  const gitea = giteaFromEnv(env);
  const botLogin = (await gitea.currentUser()).login ?? 'operator-bot';
  const programRepo = env.PROGRAM_REPO ?? '';
  const targets = [...new Set([programRepo, ...repos])];
  return withRedis(env, async (redis) => {
    const queue = createEventQueue(redis);
    try {
      const result = await rebuild({
        redis,
        gitea,
        config,
        templates: loadTemplates(),
        programRepo,
        repos: targets,
        botLogin,
        markerSecret: markerSecretOf(env),
        log,
        now: new Date().toISOString(),
        scheduleFuture: createDelayedEnqueue(queue),
        progress: progressBar(),
      });
      process.stderr.write('\n');
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

/** A one-line progress bar on stderr (a terminal shows it in place; logs get the last state). */
function progressBar() {
  let last = '';
  return (phase: 'reading' | 'replaying', done: number, total: number) => {
    const width = 30;
    const filled = phase === 'reading' ? width : Math.round((done / Math.max(total, 1)) * width);
    const line = `${phase === 'reading' ? 'reading issues  ' : 'replaying events'} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}${phase === 'replaying' ? `/${total}` : ''}`;
    if (line !== last) process.stderr.write(`\r${line}`);
    last = line;
  };
}
