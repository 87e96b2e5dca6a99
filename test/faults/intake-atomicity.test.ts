import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { EmbeddedRedis } from '../../src/redis/embedded.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { startFaultRedis, statusDelivery, useCleanups } from '../support/fault-redis.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { applicationLabeled } from '../support/workflows.js';

// Issue #13: the intake's "seen" mark was written, Redis died before the job was added, the
// delivery got 503, and its replay was answered "200 duplicate" and never queued. Here a real
// redis-server (AOF on, as deployed) is killed with SIGKILL while deliveries pour in, several times,
// each time the instant a "seen" mark is written (Redis tells a subscriber through a keyspace
// notification): the moment the old two-step intake lost its delivery. The disk's fsync is
// instant: Redis is killed, not the machine, so what it wrote survives either way, and the run's
// length does not depend on the machine's disk (a 20 ms fsync made it 105 s, through the worker's
// writes to one issue; test/faults/intake-fsync.test.ts is the one about a slow disk).

const gitea = useFakeGitea();
const cleanups = useCleanups();

const ROUNDS = 3;
const PER_ROUND = 120;
const IN_FLIGHT = 16;

const replies = () =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .flatMap((c) => {
      const id = /operator-bot:reply (\d+)/.exec(c.body)?.[1];
      return id ? [Number(id)] : [];
    });

describe('intake under a Redis killed mid-stream (SIGKILL, AOF on)', () => {
  it('processes every delivery answered 202 exactly once, and queues every 503 that is replayed', {
    timeout: 120_000,
  }, async () => {
    const redis = await startFaultRedis(cleanups);
    redis.disk.instant();
    seedProgram(gitea());
    addApplicationIssue(gitea(), 'Application');
    const bot: TestBot = await startTestBot(redis.url, gitea(), { env: { WORKER_LOCK_MS: '1500' } });
    cleanups.push(() => bot.stop());
    expect((await bot.deliver(applicationLabeled())).status).toBe(202);
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));

    const answers = new Map<number, number>();
    let next = 10_000;
    for (let round = 0; round < ROUNDS; round++) {
      const ids = Array.from({ length: PER_ROUND }, () => next++);
      let sent = 0;
      const killer = await killOnFirstSeenMark(redis.server());
      const sender = async () => {
        for (let id = ids[sent++]; id !== undefined; id = ids[sent++]) {
          if (sent === Math.floor(PER_ROUND / 3)) killer.arm();
          const response = await bot.deliver(statusDelivery(id)).catch(() => undefined);
          answers.set(id, response?.status ?? 0);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
      killer.close();
      await redis.kill();
      await redis.restart();
    }
    const byStatus = (code: number) => [...answers].filter(([, s]) => s === code).map(([id]) => id);
    const accepted = byStatus(202);
    const refused = byStatus(503);
    // The kills landed mid-stream: some deliveries were accepted and some refused in the same run.
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(byStatus(0)).toEqual([]);
    expect([...answers.values()].every((s) => s === 202 || s === 503 || s === 200)).toBe(true);

    // Gitea's "Replay" of every refused delivery (a new delivery id, the same payload).
    for (const id of refused) {
      await eventually(
        async () => expect([200, 202]).toContain((await bot.deliver(statusDelivery(id))).status),
        15_000,
      );
    }
    const mustReply = [...accepted, ...refused, ...byStatus(200)].sort((a, b) => a - b);
    await eventually(() => expect(new Set(replies())).toEqual(new Set(mustReply)), 90_000);
    // Exactly once: one reply per command, none twice.
    expect(replies()).toHaveLength(mustReply.length);
  });
});

/** SIGKILLs `redis` as soon as it has written an intake "seen" mark, once armed. */
async function killOnFirstSeenMark(redis: EmbeddedRedis) {
  const subscriber = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  subscriber.on('error', () => undefined);
  await subscriber.config('SET', 'notify-keyspace-events', 'E$');
  await subscriber.subscribe('__keyevent@0__:set');
  let armed = false;
  subscriber.on('message', (_channel, key: string) => {
    if (armed && key.startsWith('ob:seen:')) {
      armed = false;
      void redis.kill();
    }
  });
  return { arm: () => (armed = true), close: () => subscriber.disconnect() };
}
