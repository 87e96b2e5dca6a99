import { existsSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventually, seedProgram, startTestBot } from '../support/bot.js';
import { keptCommentIds, pourDeliveries, startFaultRedis, useCleanups } from '../support/fault-redis.js';
import { useFakeGitea } from '../support/gitea/vitest.js';

// Redis rewrites its AOF in the background when the file has grown (auto-aof-rewrite-percentage,
// 100 by default: the intake stream grows it) or on BGREWRITEAOF. In Redis 7 the parent opens a
// new incremental file and records it in the manifest before forking, the child writes the new
// base file, and the parent switches the manifest to it when the child is done
// (redis/src/aof.c: rewriteAppendOnlyFileBackground, backgroundRewriteDoneHandler). A delivery
// answered 202 on either side of that switch must survive a SIGKILL, on a slow disk.
// With appendfsync everysec this fails after the switch (32 of 181 lost with a 150 ms fsync).

const gitea = useFakeGitea();
const cleanups = useCleanups();

const IN_FLIGHT = 16;
const FSYNC_MS = 150;

type Phase = 'rewriting' | 'rewritten';

async function pourThroughRewrite(phase: Phase) {
  const redis = await startFaultRedis(cleanups);
  const { disk } = redis;
  seedProgram(gitea());
  const bot = await startTestBot(redis.url, gitea(), { worker: false });
  cleanups.push(() => bot.stop());
  const admin = new Redis(redis.url);
  admin.on('error', () => undefined);
  cleanups.push(() => admin.disconnect());
  const persistence = () => persistenceOf(admin, 'persistence');

  disk.slow(FSYNC_MS);
  const pour = pourDeliveries(bot.deliver, 30_000, IN_FLIGHT);
  const { accepted } = pour;
  await eventually(() => expect(accepted.length).toBeGreaterThan(50), 20_000);
  // Killed while rewriting: the child takes 50 ms per key (rdb-key-save-delay, in µs, a Redis
  // testing knob; the rewrite writes an RDB preamble), over 50 keys: 2.5 s or more, several times
  // the ~0.5 s until the kill, so that a slower machine still kills it at work.
  if (phase === 'rewriting') await admin.config('SET', 'rdb-key-save-delay', '50000');
  await admin.bgrewriteaof();
  let acceptedAtPhase = 0;
  let slowedAtPhase = 0;
  await eventually(async () => {
    const info = await persistence();
    if (phase === 'rewriting') expect(info.aof_rewrite_in_progress).toBe('1');
    else {
      expect(info.aof_rewrite_in_progress).toBe('0');
      expect(info.aof_last_bgrewrite_status).toBe('ok');
      expect(Number(info.aof_rewrites)).toBeGreaterThan(0);
    }
    acceptedAtPhase = accepted.length;
    slowedAtPhase = disk.slowed();
  }, 20_000);
  await eventually(() => expect(accepted.length).toBeGreaterThan(acceptedAtPhase + 20), 20_000);
  // The 202s given since were each waiting on an fsync: with no-appendfsync-on-rewrite yes Redis
  // skips it while the child runs and answers from the page cache, which a SIGKILL keeps (only an
  // OS crash loses it), so the kill below could not tell; the fsyncs made tell.
  const fsyncsSincePhase = disk.slowed() - slowedAtPhase;
  const rewriter = rewriteChild(Number((await persistenceOf(admin, 'server')).process_id));
  if (phase === 'rewriting') expect(rewriter).toBeDefined();
  pour.stop();
  await redis.kill(); // with IN_FLIGHT deliveries waiting for their fsync
  await pour.done;
  // The child outlives its parent until it next reports to it: stopped here, as the crash stops it.
  if (rewriter) stopProcess(rewriter);
  expect(disk.slowed()).toBeGreaterThan(0);

  disk.slow(0);
  await redis.restart();
  const kept = await keptCommentIds(redis.url);
  return { accepted, lost: accepted.filter((id) => !kept.has(id)), fsyncsSincePhase };
}

async function persistenceOf(redis: Redis, section: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await redis.info(section))
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':') as [string, string]),
  );
}

/** The pid of the AOF-rewriting child of the redis-server `pid`, if one runs (Linux /proc). */
function rewriteChild(pid: number): number | undefined {
  const children = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(children)) return undefined;
  const [child] = readFileSync(children, 'utf8').trim().split(/\s+/).filter(Boolean);
  return child ? Number(child) : undefined;
}

describe('intake through an AOF rewrite on a slow disk, Redis killed (SIGKILL)', () => {
  it.each<Phase>(['rewriting', 'rewritten'])(
    'keeps every delivery it answered 202 (killed while %s)',
    { timeout: 60_000 },
    async (phase) => {
      const { accepted, lost, fsyncsSincePhase } = await pourThroughRewrite(phase);
      expect(fsyncsSincePhase).toBeGreaterThan(0);
      expect(accepted.length).toBeGreaterThan(70);
      expect(lost).toEqual([]);
    },
  );
});

function stopProcess(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it had finished already
  }
}
