import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startEmbeddedRedis } from '../../src/redis/embedded.js';
import { sleep } from './stats.js';

/**
 * A private redis-server for one bench section: without persistence, or `durable` as the bot
 * deploys it (AOF with appendfsync always, src/redis/embedded.ts: each write answered after its
 * fsync), its files in the temp dir.
 */
export async function privateRedis(options: { durable?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ob-bench-redis-'));
  const server = await startEmbeddedRedis(dir, { persist: options.durable ?? false });
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  // If the bench dies, its redis-server must not outlive it (stop() sends SIGTERM synchronously).
  const orphan = () => void server.stop();
  process.once('exit', orphan);
  return {
    url: server.url,
    /** Where its files are (the AOF of a durable one). */
    dir,
    flush: () => client.flushall(),
    /** Calls per command since the server started (INFO commandstats), e.g. { evalsha: 12, sismember: 3 }. */
    commandCounts: async (): Promise<Record<string, number>> => {
      const info = await client.info('commandstats');
      const counts: Record<string, number> = {};
      for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
        counts[match[1] as string] = Number(match[2]);
      return counts;
    },
    /** AOF rewrites done since the server started (INFO persistence `aof_rewrites`), and whether one runs now. */
    aofRewrites: async (): Promise<{ done: number; running: boolean }> => {
      const info = await client.info('persistence');
      const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
      return { done: field('aof_rewrites'), running: field('aof_rewrite_in_progress') === 1 };
    },
    /**
     * Rewrites the AOF now and waits until no rewrite runs: what the throughput runs wrote (tens
     * of MB) then no longer makes Redis start one during the next measurement.
     */
    compactAof: async (): Promise<void> => {
      const busy = async () => {
        const info = await client.info('persistence');
        return /^aof_rewrite_(in_progress|scheduled):1/m.test(info);
      };
      while (await busy()) await sleep(50);
      await client.bgrewriteaof();
      while (await busy()) await sleep(50);
    },
    stop: async () => {
      process.off('exit', orphan);
      client.disconnect();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
