import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { checkDurability } from '../../src/redis/durability.js';
import { freePort, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { watchRedis } from '../../src/redis/watch.js';
import { eventually } from '../support/bot.js';

// The bot says in its log when the Redis it is given (REDIS_URL) may lose writes it acknowledged
// (test/faults/intake-fsync.test.ts shows what is lost): an admin who brings their own Redis learns
// which setting to change, at start.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function redisWith(persist: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'ob-durable-'));
  const server = await startEmbeddedRedis(dir, { persist });
  const client = new Redis(server.url);
  cleanups.push(async () => {
    client.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return client;
}

function capturedLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return {
    log,
    warnings: () => lines.filter((line) => line.level === 40).map((line) => line.msg),
    errors: () => lines.filter((line) => line.level === 50).map((line) => line.msg),
  };
}

describe('the Redis durability check at start', () => {
  it('is quiet for the embedded Redis (appendonly yes, appendfsync always)', async () => {
    const { log, warnings } = capturedLog();
    expect(await checkDurability(await redisWith(true), log)).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it("names Redis's default fsync policy and its fix", async () => {
    const redis = await redisWith(true);
    await redis.config('SET', 'appendfsync', 'everysec');
    const { log, warnings } = capturedLog();
    expect(await checkDurability(redis, log)).toEqual(['appendfsync is everysec (set appendfsync always)']);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('appendfsync is everysec (set appendfsync always)');
    expect(warnings()[0]).toContain('answered 202');
  });

  it('names a Redis that skips its fsync while it rewrites its AOF or saves a snapshot', async () => {
    // redis/src/aof.c, flushAppendOnlyFile: "if (server.aof_no_fsync_on_rewrite &&
    // hasActiveChildProcess()) return;" comes before the fsync of appendfsync always, so while a
    // BGREWRITEAOF or BGSAVE child runs, writes are answered without fsync (measured with the
    // fsync shim at 300 ms: a SET answered in 6-11 ms during a rewrite, 310+ ms without the
    // setting) and an OS crash or power cut loses them.
    const redis = await redisWith(true);
    await redis.config('SET', 'no-appendfsync-on-rewrite', 'yes');
    const { log, warnings } = capturedLog();
    expect(await checkDurability(redis, log)).toEqual([
      'no-appendfsync-on-rewrite is yes (set no-appendfsync-on-rewrite no)',
    ]);
    expect(warnings()[0]).toContain('no-appendfsync-on-rewrite is yes');
  });

  it('names a Redis that evicts keys when it is full', async () => {
    const redis = await redisWith(true);
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const { log, warnings } = capturedLog();
    expect(await checkDurability(redis, log)).toEqual([
      'maxmemory-policy is allkeys-lru (set maxmemory-policy noeviction)',
    ]);
    expect(warnings()[0]).toContain('a full Redis');
  });

  it('names a Redis without AOF', async () => {
    const { log, warnings } = capturedLog();
    const wrong = await checkDurability(await redisWith(false), log);
    expect(wrong).toContain('appendonly is no (set appendonly yes)');
    expect(warnings()[0]).toContain('appendonly is no');
  });

  it('says it could not check a Redis that refuses CONFIG, and does not call it wrong', async () => {
    // As managed Redis services do: CONFIG renamed away.
    const port = await freePort();
    const server = spawn('redis-server', [
      '--port',
      String(port),
      '--save',
      '',
      '--rename-command',
      'CONFIG',
      '',
    ]);
    const refusing = new Redis(port, '127.0.0.1');
    refusing.on('error', () => undefined); // refused until the server listens; ping waits for it
    cleanups.push(() => {
      refusing.disconnect();
      server.kill();
    });
    await refusing.ping();
    const { log, warnings } = capturedLog();
    expect(await checkDurability(refusing, log)).toEqual([]);
    expect(warnings()[0]).toContain('could not read Redis persistence settings');
    expect(warnings()[0]).toContain('appendfsync always');
  });
});

// A running Redis can change under the bot without a restart: an admin's CONFIG SET, a FLUSHALL.
// The bot checks every REDIS_CHECK_EVERY_MS (5 min; 100 ms here) besides at start and on reconnects.
describe("the running bot's checks of its Redis", () => {
  async function watched() {
    const redis = await redisWith(true);
    const captured = capturedLog();
    const watch = await watchRedis(redis, captured.log, 100);
    cleanups.push(() => watch.stop());
    return { redis, ...captured };
  }

  it('name a fsync policy changed at runtime (CONFIG SET appendfsync everysec)', async () => {
    const { redis, warnings } = await watched();
    await redis.config('SET', 'appendfsync', 'everysec');
    await eventually(() =>
      expect(warnings().join('\n')).toContain('appendfsync is everysec (set appendfsync always)'),
    );
  });

  it('say once that Redis lost its data when it is flushed under the bot', async () => {
    const { redis, errors } = await watched();
    await redis.flushall();
    await eventually(() => expect(errors()).toHaveLength(1));
    expect(errors()[0]).toContain('came back without its data');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(errors()).toHaveLength(1);
  });

  it('are quiet while nothing changes', async () => {
    const { warnings, errors } = await watched();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect([...warnings(), ...errors()]).toEqual([]);
  });
});
