import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryNotes } from '../../src/store/last-deliveries.js';
import {
  eventually,
  PROGRAM_REPO,
  seedProgram,
  signedForBot,
  startTestBot,
  type TestBot,
} from '../support/bot.js';
import { commentPayload, issueLabelPayload, issuePayload, signDelivery } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot;
let monitor: Redis | undefined;

/** Commands that change Redis (what an irrelevant delivery must never send). */
const WRITES =
  /^(set|setex|setnx|hset|hmset|hdel|del|unlink|expire|pexpire|incr|incrby|lpush|rpush|sadd|srem|zadd|zrem|xadd|xdel|xack|evalsha|eval|fcall|multi|exec|publish)$/i;

/** Every command the server receives from now on, from any client (MONITOR). */
async function watchCommands() {
  const seen: string[][] = [];
  monitor = await new Redis(redis.url).monitor();
  monitor.on('monitor', (_time: string, args: string[]) => seen.push(args));
  return seen;
}

const readyzNotes = async () =>
  ((await (await fetch(`${bot.url}/readyz`)).json()) as { webhooks: Record<string, unknown> }).webhooks;

beforeEach(async () => {
  seedProgram(gitea());
  bot = await startTestBot(redis.url, gitea(), { worker: false });
});
afterEach(async () => {
  monitor?.disconnect();
  monitor = undefined;
  await bot.stop();
});

/** An edit, a label change and a close of issue #40, which no workflow runs on: each answered 204. */
const untrackedChanges = () => [
  issuePayload('edited', { number: 40, issue: { number: 40, labels: [] }, sender: { login: 'bob' } }),
  issueLabelPayload(['question'], { number: 40, issue: { number: 40 }, sender: { login: 'bob' } }),
  issuePayload('closed', {
    number: 40,
    issue: { number: 40, labels: [], state: 'closed' },
    sender: { login: 'bob' },
  }),
];

describe('issue changes the intake drops', () => {
  it('write nothing to Redis, and reach it with the next accepted delivery or at stop', async () => {
    const changed = () => redis.client.keys('ob:issue-changed:*');
    for (const change of untrackedChanges()) expect((await bot.deliver(change)).status).toBe(204);
    expect(await changed()).toEqual([]);
    expect((await bot.deliver(commentPayload('created', '/status', { comment: { id: 3 } }))).status).toBe(
      202,
    );
    expect(await changed()).toEqual([`ob:issue-changed:${PROGRAM_REPO}#40`]);

    await redis.client.del(`ob:issue-changed:${PROGRAM_REPO}#40`);
    for (const change of untrackedChanges()) await bot.deliver(change);
    await bot.stop();
    expect(await changed()).toEqual([`ob:issue-changed:${PROGRAM_REPO}#40`]);
    bot = await startTestBot(redis.url, gitea(), { worker: false });
  });
});

describe('issue changes kept in memory at stop', () => {
  it('are written even when a job still running makes the stop give up waiting (SHUTDOWN_TIMEOUT_MS)', async () => {
    await bot.stop();
    gitea().addIssue(PROGRAM_REPO, { number: 7, title: 'Ops', user: 'maint' });
    bot = await startTestBot(redis.url, gitea(), { env: { SHUTDOWN_TIMEOUT_MS: '300' } });
    // The reply to /status hangs: the worker is still in that job when the bot is stopped.
    gitea().failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{index}/comments',
      delayMs: 3_000,
    });
    const posts = () => gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments').length;
    const before = posts();
    expect((await bot.deliver(commentPayload('created', '/status', { comment: { id: 5 } }))).status).toBe(
      202,
    );
    await eventually(() => expect(posts()).toBeGreaterThan(before));
    for (const change of untrackedChanges()) expect((await bot.deliver(change)).status).toBe(204);
    await bot.stop();
    expect(await redis.client.keys('ob:issue-changed:*')).toContain(`ob:issue-changed:${PROGRAM_REPO}#40`);
    bot = await startTestBot(redis.url, gitea(), { worker: false });
  });
});

describe('delivery notes (the last delivery per repository, for init and doctor)', () => {
  it('irrelevant deliveries (204) and refused ones (401) write nothing to Redis, yet /readyz names them', async () => {
    const seen = await watchCommands();
    const chatter = (id: number) =>
      commentPayload('created', 'Thanks, looks good!', { comment: { id }, sender: { login: 'maint' } });
    const answers = [];
    for (let id = 1; id <= 20; id++) answers.push((await bot.deliver(chatter(id))).status);
    // Changes of an issue no workflow runs on: their time is kept in memory (issue-change-notes.ts).
    for (const change of untrackedChanges()) answers.push((await bot.deliver(change)).status);
    const push = signedForBot(
      { ref: 'refs/heads/main', repository: { full_name: PROGRAM_REPO } },
      { event: 'push', eventType: 'push', deliveryId: 'test-delivery' },
    );
    answers.push((await fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', ...push })).status);
    const forged = signDelivery(chatter(99), 'not-the-secret', { deliveryId: 'forged' });
    answers.push((await fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', ...forged })).status);
    // The old intake wrote its coalesced notes 200 ms after a delivery: wait past that.
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(answers).toEqual([...Array(24).fill(204), 401]);
    expect(seen.filter(([command]) => WRITES.test(command ?? ''))).toEqual([]);
    expect(await readyzNotes()).toMatchObject({
      [PROGRAM_REPO]: {
        verified: { deliveryId: 'test-delivery', event: 'push' },
        rejected: { deliveryId: 'forged' },
      },
    });
  });

  it('a relevant delivery carries the notes into Redis, and a stop writes the rest', async () => {
    const store = createDeliveryNotes(redis.client);
    await bot.deliver(commentPayload('created', 'chatter', { comment: { id: 1 } }), {
      deliveryId: 'chatter-1',
    });
    expect(await store.all()).toEqual({});

    await bot.deliver(commentPayload('created', '/status', { comment: { id: 2 } }), {
      deliveryId: 'command-2',
    });
    await expect.poll(async () => (await store.all())[PROGRAM_REPO]?.verified?.deliveryId).toBe('command-2');

    // Within a second of that write, the next note stays in memory until the bot stops.
    await bot.deliver(commentPayload('created', 'chatter', { comment: { id: 3 } }), {
      deliveryId: 'chatter-3',
    });
    expect((await store.all())[PROGRAM_REPO]?.verified?.deliveryId).toBe('command-2');
    expect((await readyzNotes())[PROGRAM_REPO]).toMatchObject({ verified: { deliveryId: 'chatter-3' } });
    await bot.stop();
    expect((await store.all())[PROGRAM_REPO]?.verified?.deliveryId).toBe('chatter-3');
    bot = await startTestBot(redis.url, gitea(), { worker: false });
    expect((await readyzNotes())[PROGRAM_REPO]).toMatchObject({ verified: { deliveryId: 'chatter-3' } });
  });
});
