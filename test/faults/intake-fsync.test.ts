import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmbeddedRedis, freePort, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { INTAKE_STREAM } from '../../src/store/intake.js';
import { seedProgram, startTestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { slowFsyncDisk } from '../support/slow-fsync.js';

// A 202 tells Gitea the delivery is kept: Gitea never sends it again. Redis's default AOF policy
// (everysec) answers writes it has not yet written to its file while a background fsync is slow,
// so a Redis killed then lost deliveries answered 202 (CI, 2026-11-30: 16 of 360 in
// intake-atomicity.test.ts). Here the disk's fsync takes a second, Redis is killed (SIGKILL)
// while deliveries pour in, and every delivery answered 202 must be in the restarted Redis.

const gitea = useFakeGitea();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const IN_FLIGHT = 16;
const FSYNC_MS = 1_000;
/** Long enough for Redis's once-a-second background fsync to be running (and postponing writes). */
const POUR_MS = 2_500;

describe('intake on a disk whose fsync is slow, Redis killed (SIGKILL)', () => {
  it('keeps every delivery it answered 202', { timeout: 60_000 }, async () => {
    const disk = slowFsyncDisk();
    const dir = mkdtempSync(join(tmpdir(), 'ob-fsync-redis-'));
    const port = await freePort();
    let redis: EmbeddedRedis = await startEmbeddedRedis(dir, { persist: true, port, env: disk.env });
    cleanups.push(async () => {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
      disk.remove();
    });
    seedProgram(gitea());
    const bot = await startTestBot(redis.url, gitea(), { worker: false });
    cleanups.push(() => bot.stop());

    const status = (id: number) =>
      commentPayload('created', '/status', {
        comment: { id, user: { login: 'alice' } },
        sender: { login: 'alice' },
      });
    disk.slow(FSYNC_MS);
    const accepted: number[] = [];
    const startedAt = Date.now();
    let next = 20_000;
    let killed: Promise<void> | undefined;
    const sender = async () => {
      while (!killed) {
        const id = next++;
        const response = await bot.deliver(status(id)).catch(() => undefined);
        if (response?.status === 202) accepted.push(id);
        if (!killed && accepted.length > 0 && Date.now() - startedAt >= POUR_MS) killed = redis.kill();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    await killed;
    // The disk was slow while the 202s were given: a shim that was not loaded (ld.so only warns)
    // passed this test on everysec, fast disk and all.
    expect(disk.slowed()).toBeGreaterThan(0);

    disk.slow(0);
    redis = await startEmbeddedRedis(dir, { persist: true, port, env: disk.env });
    const reader = new Redis(redis.url);
    cleanups.push(() => reader.disconnect());
    const entries = (await reader.xrange(INTAKE_STREAM, '-', '+')) as [string, string[]][];
    const kept = new Set(
      entries.map(([, fields]) => {
        const payload = fields[fields.indexOf('payload') + 1] ?? '{}';
        return (JSON.parse(payload) as { comment?: { id?: number } }).comment?.id;
      }),
    );
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.filter((id) => !kept.has(id))).toEqual([]);
  });
});
