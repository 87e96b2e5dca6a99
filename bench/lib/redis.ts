import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startEmbeddedRedis } from '../../src/redis/embedded.js';

/** A private redis-server without persistence, for one bench section. */
export async function privateRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'ob-bench-redis-'));
  const server = await startEmbeddedRedis(dir, { persist: false });
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  // If the bench dies, its redis-server must not outlive it (stop() sends SIGTERM synchronously).
  const orphan = () => void server.stop();
  process.once('exit', orphan);
  return {
    url: server.url,
    flush: () => client.flushall(),
    /** Calls per command since the server started (INFO commandstats), e.g. { evalsha: 12, sismember: 3 }. */
    commandCounts: async (): Promise<Record<string, number>> => {
      const info = await client.info('commandstats');
      const counts: Record<string, number> = {};
      for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
        counts[match[1] as string] = Number(match[2]);
      return counts;
    },
    stop: async () => {
      process.off('exit', orphan);
      client.disconnect();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
