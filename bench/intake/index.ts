import { execFileSync } from 'node:child_process';
import { type Child, startChild } from '../lib/child.js';
import { privateRedis } from '../lib/redis.js';
import { round } from '../lib/stats.js';
import { FIRST_ID } from './deliveries.js';
import { type FsyncTimes, measureFsync } from './fsync.js';
import type { LoadResult, LoadSpec } from './load.js';
import type { PacedSpec } from './paced.js';

export type IntakeOptions = { seconds: number; connections: number; cpuProfDir?: string };
/** A load run plus the server process's CPU time per answered request (µs): steady under a noisy neighbour. */
export type ServerLoad = LoadResult & { cpuMicrosPerRequest: number };
export type ServerRun = Omit<ServerLoad, 'rps'> & { rps: number; roundsRps: number[] };
export type IntakeResults = {
  floor: ServerRun;
  ours: ServerRun;
  /** Ours as `operator-bot serve` runs: server and worker in one process. */
  serve: ServerRun;
  /** Ours (server only) on a Redis that answers each write after its fsync, as deployed. */
  durable: ServerRun;
  probot: ServerRun;
  /** Steps of the work on bare node:http (stage.ts): read and answer; + signature; + JSON.parse; + a Redis append. */
  stages: { http: ServerRun; signature: ServerRun; parse: ServerRun; write: ServerRun };
  /** The least any durable intake can do: signature, no parse, a hand-written XADD (minimal.ts). */
  minimal: ServerRun;
  /** Our intake at a fixed 1,000 req/s, evenly spaced (paced.ts). */
  oursAt1000: LoadResult;
  /** The same on the durable Redis, and how many AOF rewrites ran (or were running) meanwhile. */
  durableAt1000: LoadResult & { aofRewritesDuring: number };
  /** The disk under the durable Redis: a small append's fdatasync, one after another (fsync.ts). */
  diskFsync: FsyncTimes;
  /** Our intake at 1,000 req/s as autocannon's `overallRate` sends them: a burst at the top of each second. */
  oursAt1000Bursts: LoadResult;
  /** Our intake with 70% irrelevant deliveries (204 vs 202), then with irrelevant ones only (their Redis commands). */
  mix: LoadResult & {
    chatterShare: number;
    share204: number;
    share202: number;
    /**
     * A run of irrelevant deliveries only (relevant ones may carry the delivery notes to Redis):
     * how many were answered 204, and every Redis command of the run but the bench's own.
     */
    irrelevantOnly: { answered204: number; otherRedisCommands: Record<string, number>; seconds: number };
  };
  ratioToFloor: number;
  ratioToProbot: number;
  serveRatioToFloor: number;
  serveRatioToProbot: number;
  durableRatioToFloor: number;
  durableRatioToProbot: number;
};

const SERVERS = [
  'floor',
  'ours',
  'serve',
  'durable',
  'probot',
  'http',
  'signature',
  'parse',
  'write',
  'minimal',
] as const;
const SCRIPTS: Record<ServerName, string> = {
  floor: './floor.ts',
  ours: './ours.ts',
  serve: './ours.ts',
  durable: './ours.ts',
  probot: './probot.ts',
  http: './stage.ts',
  signature: './stage.ts',
  parse: './stage.ts',
  write: './stage.ts',
  minimal: './minimal.ts',
};
type ServerName = (typeof SERVERS)[number];
const ROUNDS = 2;
const WARMUP_SECONDS = 1;
const CHATTER_SHARE = 0.7;
const FSYNC_PROBES = 2_000;

/**
 * Floor, ours (server only), ours as `serve` (with its worker, on its own Redis), ours on a Redis
 * that fsyncs each write (as deployed), Probot and the
 * steps of stage.ts, each
 * in its own process, loaded by autocannon from another process. They take turns (ROUNDS rounds of seconds/ROUNDS each) so that a neighbour's noise on a
 * shared machine falls on all of them; then ours alone at 1,000 req/s and with a relevant/irrelevant mix.
 */
export async function benchIntake(options: IntakeOptions): Promise<IntakeResults> {
  const redis = await privateRedis();
  // `serve` has a Redis of its own: its worker must not drain what `ours` accepted.
  const serveRedis = await privateRedis();
  const durableRedis = await privateRedis({ durable: true });
  const servers = new Map<ServerName, { child: Child; url: string }>();
  let nextId = FIRST_ID;
  const load = async (server: ServerName, spec: Partial<LoadSpec>): Promise<ServerLoad> => {
    const { url = '', child } = servers.get(server) ?? {};
    const full = {
      url,
      seconds: options.seconds,
      connections: options.connections,
      firstId: nextId,
      ...spec,
    };
    nextId += 50_000_000;
    const generator = startChild(new URL('./load.ts', import.meta.url), { args: [JSON.stringify(full)] });
    try {
      const cpuBefore = (await child?.cpuMicros()) ?? 0;
      const result = await generator.next<LoadResult>();
      const cpu = ((await child?.cpuMicros()) ?? 0) - cpuBefore;
      return { ...result, cpuMicrosPerRequest: Math.round(cpu / Math.max(1, result.requests)) };
    } finally {
      await generator.stop();
      await Promise.all([redis.flush(), serveRedis.flush(), durableRedis.flush()]);
    }
  };

  const paced = async (server: ServerName, rate: number): Promise<LoadResult> => {
    const spec: PacedSpec = {
      url: servers.get(server)?.url ?? '',
      seconds: options.seconds,
      rate,
      connections: options.connections,
      firstId: nextId,
    };
    nextId += 50_000_000;
    const generator = startChild(new URL('./paced.ts', import.meta.url), { args: [JSON.stringify(spec)] });
    try {
      return await generator.next<LoadResult>();
    } finally {
      await generator.stop();
      await Promise.all([redis.flush(), serveRedis.flush(), durableRedis.flush()]);
    }
  };

  try {
    for (const name of SERVERS) {
      const profile = name === 'ours' && options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {};
      const child = startChild(new URL(SCRIPTS[name], import.meta.url), {
        env:
          name === 'serve'
            ? { REDIS_URL: serveRedis.url, WITH_WORKER: '1' }
            : { REDIS_URL: name === 'durable' ? durableRedis.url : redis.url, WITH_WORKER: '0', STAGE: name },
        ...profile,
      });
      servers.set(name, { child, url: '' });
      const { port } = await child.next<{ port: number }>();
      servers.set(name, { child, url: `http://127.0.0.1:${port}/webhooks/gitea` });
      await load(name, { seconds: WARMUP_SECONDS });
    }
    const rounds = new Map<ServerName, ServerLoad[]>(SERVERS.map((name) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of SERVERS) {
        rounds.get(name)?.push(await load(name, { seconds: Math.max(1, options.seconds / ROUNDS) }));
      }
    }
    const [floor, ours, serve, durable, probot, http, signature, parse, write, minimal] = SERVERS.map(
      (name) => combine(rounds.get(name) ?? []),
    ) as [
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
      ServerRun,
    ];
    const oursAt1000 = await paced('ours', 1000);
    // Steady state, as deployed: not inside a rewrite that the throughput runs' volume started,
    // nor behind the kernel's writeback of the ~100 MB they appended (sync(1) flushes it first).
    await durableRedis.compactAof();
    execFileSync('sync');
    const rewritesBefore = await durableRedis.aofRewrites();
    const durableAt1000 = await paced('durable', 1000);
    const rewritesAfter = await durableRedis.aofRewrites();
    // A rewrite started by the throughput runs' volume (its child writes the whole data set) shares the disk.
    const aofRewritesDuring =
      rewritesAfter.done - rewritesBefore.done + (rewritesBefore.running || rewritesAfter.running ? 1 : 0);
    const diskFsync = measureFsync(durableRedis.dir, FSYNC_PROBES);
    const oursAt1000Bursts = await load('ours', { overallRate: 1000 });
    const mixed = await load('ours', {
      chatterShare: CHATTER_SHARE,
      seconds: Math.ceil(options.seconds / 2),
    });
    const commandsBefore = await redis.commandCounts();
    const chatterSeconds = Math.ceil(options.seconds / 4);
    const chatterOnly = await load('ours', { chatterShare: 1, seconds: chatterSeconds });
    const commandsAfter = await redis.commandCounts();
    const otherRedisCommands = Object.fromEntries(
      Object.entries(commandsAfter)
        .map(([name, calls]) => [name, calls - (commandsBefore[name] ?? 0)] as const)
        // The bench's own calls (command counts, the flush after each run, a client's ping).
        .filter(([name, calls]) => calls > 0 && !/^(info|flushall|ping)$/.test(name)),
    );
    const answered = Object.values(mixed.statusCounts).reduce((sum, n) => sum + n, 0) || 1;
    return {
      floor,
      ours,
      serve,
      durable,
      probot,
      stages: { http, signature, parse, write },
      minimal,
      oursAt1000,
      durableAt1000: { ...durableAt1000, aofRewritesDuring },
      diskFsync,
      oursAt1000Bursts,
      mix: {
        ...mixed,
        chatterShare: CHATTER_SHARE,
        share204: round((mixed.statusCounts['204'] ?? 0) / answered, 3),
        share202: round((mixed.statusCounts['202'] ?? 0) / answered, 3),
        irrelevantOnly: {
          answered204: chatterOnly.statusCounts['204'] ?? 0,
          otherRedisCommands,
          seconds: chatterSeconds,
        },
      },
      ratioToFloor: round(ours.rps / floor.rps, 3),
      ratioToProbot: round(ours.rps / probot.rps, 3),
      serveRatioToFloor: round(serve.rps / floor.rps, 3),
      serveRatioToProbot: round(serve.rps / probot.rps, 3),
      durableRatioToFloor: round(durable.rps / floor.rps, 3),
      durableRatioToProbot: round(durable.rps / probot.rps, 3),
    };
  } finally {
    await Promise.all([...servers.values()].map(({ child }) => child.stop()));
    await redis.stop();
    await serveRedis.stop();
    await durableRedis.stop();
  }
}

/** The rounds of one server as one run: mean req/s and p50, the worst p99, summed counts. */
function combine(runs: ServerLoad[]): ServerRun {
  const mean = (pick: (run: ServerLoad) => number) =>
    round(runs.reduce((s, r) => s + pick(r), 0) / runs.length);
  const statusCounts: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.statusCounts))
      statusCounts[status] = (statusCounts[status] ?? 0) + n;
  return {
    rps: mean((r) => r.rps),
    roundsRps: runs.map((r) => r.rps),
    p50Ms: mean((r) => r.p50Ms),
    cpuMicrosPerRequest: mean((r) => r.cpuMicrosPerRequest),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    statusCounts,
  };
}
