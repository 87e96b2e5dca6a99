import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../src/redis/embedded.js';

/** A private, real redis-server for one test file, flushed before each test. */
export function useRedis(options: { flushEachTest?: boolean } = {}) {
  let server: EmbeddedRedis;
  let dir: string;
  let client: Redis;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ob-test-redis-'));
    server = await startEmbeddedRedis(dir, { persist: false });
    client = new Redis(server.url, { maxRetriesPerRequest: null });
  });
  if (options.flushEachTest ?? true) {
    beforeEach(async () => {
      await client.flushall();
    });
  }
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      return server.url;
    },
    get client() {
      return client;
    },
  };
}
