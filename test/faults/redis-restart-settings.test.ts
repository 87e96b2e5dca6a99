import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { DURABLE_REDIS, type EmbeddedRedis, freePort, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { eventually, seedProgram, startTestBot } from '../support/bot.js';
import { statusDelivery, useCleanups } from '../support/fault-redis.js';
import { useFakeGitea } from '../support/gitea/vitest.js';

// The bot checks its REDIS_URL Redis's persistence settings at start (src/redis/durability.ts).
// A Redis restarted under the running bot with other settings (its config file lost
// `appendonly yes`, a package upgrade's default config) comes back empty and answers writes it
// may lose again; the bot reconnects and goes on. It must say so then, not at its next start:
// every 202 and every payment recorded before is gone from Redis (`operator-bot rebuild`
// regrows the state from Gitea), and the 202s it gives now are not on disk.

const gitea = useFakeGitea();
const cleanups = useCleanups();

type Line = { level: number; msg: string };

async function botOnRestartedRedis(restartPersisted: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'ob-restart-'));
  const port = await freePort();
  let redis: EmbeddedRedis = await startEmbeddedRedis(dir, { persist: true, port });
  cleanups.push(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  seedProgram(gitea());
  const lines: Line[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const bot = await startTestBot(redis.url, gitea(), { worker: false, log });
  cleanups.push(() => bot.stop());
  expect((await bot.deliver(statusDelivery(1))).status).toBe(202);
  const before = lines.length;

  await redis.stop();
  redis = await startEmbeddedRedis(dir, { persist: restartPersisted, port });
  await eventually(async () => expect((await bot.deliver(statusDelivery(2))).status).toBe(202), 15_000);
  // Deliveries answered 503 while Redis was away are logged too ('could not enqueue'): expected.
  return {
    said: () => lines.slice(before).filter((line) => line.level >= 40 && line.msg !== 'could not enqueue'),
    url: redis.url,
  };
}

describe('Redis restarted under the running bot', () => {
  it('without its AOF: the bot says at once that Redis lost its data and may lose what it accepts now', {
    timeout: 30_000,
  }, async () => {
    const { said } = await botOnRestartedRedis(false);
    const lost = await eventually(() => {
      expect(said().find((line) => line.level === 40 && line.msg.includes('appendonly is no'))).toBeDefined();
      const error = said().find((line) => line.level === 50);
      expect(error?.msg).toContain('came back without its data');
      return error;
    });
    expect(lost?.msg).toContain('operator-bot rebuild');
  });

  it('with its AOF (as the embedded Redis restarts): no warning', { timeout: 30_000 }, async () => {
    const { said, url } = await botOnRestartedRedis(true);
    // The bot's checks on reconnecting run beside the deliveries: until the restarted Redis was
    // asked each setting (a fixed wait passed on a slow machine before any check had run).
    const admin = new Redis(url);
    cleanups.push(() => admin.disconnect());
    await eventually(async () => {
      const calls = /cmdstat_config\|get:calls=(\d+)/.exec(await admin.info('commandstats'))?.[1];
      expect(Number(calls ?? 0)).toBeGreaterThanOrEqual(Object.keys(DURABLE_REDIS).length);
    });
    await new Promise((resolve) => setTimeout(resolve, 100)); // its warning is logged after the answers
    expect(said()).toEqual([]);
  });
});
