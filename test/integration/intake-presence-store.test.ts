import { afterEach, describe, expect, it } from 'vitest';
import {
  beatWhileRunning,
  createIntakePresence,
  INTAKE_PRESENT_MS,
} from '../../src/store/intake-presence.js';
import { seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

// Which intake processes run (src/store/intake-presence.ts): with more than one, a worker reads
// a comment's issue from Gitea instead of trusting the delivery's copy (src/worker/issue-now.ts).

const redis = useRedis();
const gitea = useFakeGitea();
const started: TestBot[] = [];
const running = () => createIntakePresence(redis.client).running();
/** A process that beat `agoMs` ago (by Redis's clock, as beats are scored) and then died (killed: it never left). */
const killed = async (id: string, agoMs: number) => {
  const [seconds, micros] = await redis.client.time();
  await redis.client.zadd(
    'ob:intakes',
    Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - agoMs,
    id,
  );
};

afterEach(async () => {
  for (const bot of started.splice(0)) await bot.stop();
});

async function start(options: { worker?: boolean } = {}) {
  const bot = await startTestBot(redis.url, gitea(), options);
  started.push(bot);
  return bot;
}

describe('intake presence', () => {
  it('a `serve` counts from before its first delivery; each stopped cleanly leaves; a worker-only process never counts', async () => {
    seedProgram(gitea());
    const first = await start();
    expect(await running()).toBe(1);
    const second = await start({ worker: false });
    expect(await running()).toBe(2);
    await second.stop();
    expect(await running()).toBe(1);
    await first.stop();
    expect(await running()).toBe(0);
  });

  it('a killed process counts until INTAKE_PRESENT_MS after its last beat, then not', async () => {
    await killed('host:1:killed-just-now', 1_000);
    await killed('host:2:killed-earlier', INTAKE_PRESENT_MS + 1_000);
    expect(await running()).toBe(1);
  });

  it('a process that stops without writing what it kept keeps counting; one that wrote it leaves', async () => {
    const log: unknown[] = [];
    const unwritten = await beatWhileRunning(redis.client, (error) => log.push(error));
    const written = await beatWhileRunning(redis.client, (error) => log.push(error));
    expect(await running()).toBe(2);
    await unwritten.stop(false);
    await written.stop(true);
    expect(await redis.client.zrange('ob:intakes', '0', '-1')).toEqual([unwritten.id]);
    expect(log).toEqual([]);
  });

  it('beats older than an hour are forgotten at the next beat', async () => {
    seedProgram(gitea());
    await killed('host:3:long-gone', 2 * 60 * 60 * 1_000);
    await start({ worker: false });
    expect(await redis.client.zscore('ob:intakes', 'host:3:long-gone')).toBeNull();
  });
});
