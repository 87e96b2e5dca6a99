import { Redis } from 'ioredis';
import { loadProgram } from '../../src/app/program.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { rebuild } from '../../src/rebuild/rebuild.js';
import { startChild } from '../lib/child.js';
import { profiled } from '../lib/in-process-profile.js';
import { privateRedis } from '../lib/redis.js';
import { REPO, type RebuildGiteaReady } from './shared.js';

export type RebuildResult = {
  issues: number;
  events: number;
  ms: number;
  msPer1000: number;
  /** Reading Gitea (pages fetched 4 at a time) and replaying, in ms. */
  readingMs: number;
  replayingMs: number;
  /** The rebuild's CPU time (this process), in ms: steadier than wall time on a busy machine. */
  botCpuMs: number;
  /** Of which while replaying, in ms. */
  replayCpuMs: number;
  /** Gitea's CPU time while serving the rebuild (its own process), in ms. */
  giteaCpuMs: number;
};

/**
 * `operator-bot rebuild` over `issues` applications, each with two commands (a maintainer's
 * /approve and the applicant's /module 1), served by the Gitea emulator over loopback HTTP from
 * its own process: the figure is the bot's time, with Gitea answering as fast as it can.
 */
export async function benchRebuild(options: {
  issues: number;
  /** Where to write a CPU profile of the rebuild (this process), when asked. */
  cpuProfDir?: string;
}): Promise<RebuildResult> {
  const giteaChild = startChild(new URL('./gitea.ts', import.meta.url), { args: [String(options.issues)] });
  const redis = await privateRedis({ durable: true }); // as deployed
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  try {
    const gitea = await giteaChild.next<RebuildGiteaReady>();
    const giteaCpuBefore = await giteaChild.cpuMicros();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let replayStarted = started;
    let replayCpuStarted = cpuStarted;
    const result = await profiled(options.cpuProfDir, () =>
      rebuild({
        redis: client,
        gitea: createGiteaClient({ baseUrl: gitea.url, token: gitea.token, timeoutMs: 30_000 }),
        config: defaultProgramConfig(),
        program: loadProgram(defaultProgramConfig()),
        programRepo: REPO,
        repos: [REPO],
        botLogin: gitea.botLogin,
        markerSecret: gitea.token,
        log: createLogger('silent'),
        now: new Date().toISOString(),
        scheduleFuture: async () => undefined,
        progress: (phase, done) => {
          if (phase === 'replaying' && done === 1) {
            replayStarted = performance.now();
            replayCpuStarted = process.cpuUsage();
          }
        },
      }),
    );
    const ended = performance.now();
    const cpu = process.cpuUsage(cpuStarted);
    const replayCpu = process.cpuUsage(replayCpuStarted);
    const ms = ended - started;
    return {
      issues: result.issues,
      events: result.events,
      ms,
      msPer1000: (ms / result.issues) * 1000,
      readingMs: Math.round(replayStarted - started),
      replayingMs: Math.round(ended - replayStarted),
      botCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      replayCpuMs: Math.round((replayCpu.user + replayCpu.system) / 1000),
      giteaCpuMs: Math.round(((await giteaChild.cpuMicros()) - giteaCpuBefore) / 1000),
    };
  } finally {
    client.disconnect();
    await redis.stop();
    await giteaChild.stop();
  }
}
