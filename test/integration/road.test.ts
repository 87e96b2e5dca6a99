import { createHmac } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hookSecret } from '../../src/intake/signature.js';
import { EVENTS_QUEUE } from '../../src/queue/event-queue.js';
import {
  eventually,
  PROGRAM_REPO,
  seedProgram,
  signedForBot,
  startTestBot,
  type TestBot,
  WEBHOOK_SECRET,
} from '../support/bot.js';
import { commentPayload, signDelivery } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { applicationLabeled } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot;

const STATUS_MARKER = '<!-- operator-bot:state';
const statusComments = () =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .filter((c) => c.user.login === 'operator-bot' && c.body.includes(STATUS_MARKER));
const postedComments = () => gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments');

/** Event jobs by state (the catch-up's own jobs are not counted). */
async function jobCounts() {
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection });
  const states = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
  const counts = Object.fromEntries(
    await Promise.all(
      states.map(async (state) => {
        const jobs = await queue.getJobs([state]);
        return [state, jobs.filter((job) => job?.name === 'event').length] as const;
      }),
    ),
  ) as Record<(typeof states)[number], number>;
  await queue.close();
  connection.disconnect();
  return counts;
}

beforeEach(async () => {
  seedProgram(gitea());
  addApplicationIssue(gitea());
  bot = await startTestBot(redis.url, gitea());
});
afterEach(async () => {
  await bot.stop();
});

describe('the road: signed webhook → queue → worker → Gitea', () => {
  it('answers 202 and posts exactly one status comment and the state label', async () => {
    const response = await bot.deliver(applicationLabeled());
    expect(response.status).toBe(202);
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
    await eventually(() => expect(statusComments()).toHaveLength(1));
    expect(statusComments()[0]?.body).toContain('Screening');
    expect(
      gitea()
        .repoLabels(PROGRAM_REPO)
        .find((l) => l.name === 'onboarding/screening')?.exclusive,
    ).toBe(true);
  });

  it('processes the same delivery twice, or replayed under a new delivery id, once', async () => {
    const payload = applicationLabeled();
    const signed = signedForBot(payload);
    const post = () =>
      fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', body: signed.body, headers: signed.headers });
    expect((await post()).status).toBe(202);
    expect((await post()).status).toBe(200);
    expect((await bot.deliver(payload)).status).toBe(200);
    await eventually(() => expect(statusComments()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postedComments()).toHaveLength(1);
    expect((await jobCounts()).completed).toBe(1);
  });

  it('survives Gitea answering 500, 500 and then 200: one comment', async () => {
    gitea().failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{index}/comments',
      status: 500,
      times: 2,
    });
    expect((await bot.deliver(applicationLabeled())).status).toBe(202);
    await eventually(() => expect(statusComments()).toHaveLength(1));
    const attempts = postedComments().map((r) => r.status);
    expect(attempts).toEqual([500, 500, 201]);
  });

  it('queues nothing for a request with a bad signature (401)', async () => {
    const { body, headers } = signDelivery(applicationLabeled(), 'not-the-secret');
    const response = await fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', body, headers });
    expect(response.status).toBe(401);
    const counts = await jobCounts();
    expect([counts.waiting, counts.active, counts.completed, counts.failed]).toEqual([0, 0, 0, 0]);
    expect(gitea().requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('keeps one consistent state under 50 concurrent deliveries for one issue', {
    timeout: 60_000,
  }, async () => {
    await bot.deliver(applicationLabeled());
    await bot.deliver(
      commentPayload('created', '/approve', { comment: { id: 500 }, sender: { login: 'maint' } }),
    );
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training'));
    const modules = Array.from({ length: 50 }, (_, i) =>
      commentPayload('created', `/module ${(i % 5) + 1}`, {
        comment: { id: 1000 + i, user: { login: 'alice' } },
        sender: { login: 'alice' },
      }),
    );
    const answers = await Promise.all(modules.map((payload) => bot.deliver(payload)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(202));
    await eventually(() => {
      const replies = gitea()
        .comments(PROGRAM_REPO, 7)
        .filter((c) => c.body.includes('operator-bot:reply'));
      expect(replies).toHaveLength(50);
    }, 30_000);
    expect(statusComments()).toHaveLength(1);
    expect(statusComments()[0]?.body).toMatch(/\[x\] Training module 5/);
    const instance = await eventually(async () => {
      const saved = JSON.parse((await redis.client.get('ob:instance:fleet/program#7:onboarding')) ?? '{}');
      expect(saved.applied).toHaveLength(51);
      return saved;
    });
    expect(instance.data.modules).toEqual([1, 2, 3, 4, 5]);
    expect(instance.version).toBe(1 + 1 + 50);
  });
});

describe('intake answers', () => {
  const postSigned = (body: string, eventType = 'issues') => {
    // Signed with the secret of the repository the body names (none: the shared secret itself).
    const named = /"repository":\{"full_name":"([^"]+)"/.exec(body)?.[1];
    const secret = named ? hookSecret(WEBHOOK_SECRET, named) : WEBHOOK_SECRET;
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    return fetch(`${bot.url}/webhooks/gitea`, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        'X-Gitea-Event': eventType,
        'X-Gitea-Event-Type': eventType,
        'X-Gitea-Delivery': crypto.randomUUID(),
        'X-Gitea-Signature': hex,
      },
    });
  };

  it.each([
    ['not JSON', '{"action": ', 'not JSON'],
    [
      'not an issue event',
      JSON.stringify({ repository: { full_name: PROGRAM_REPO }, action: 'opened', number: 'seven' }),
      'number',
    ],
  ])('%s → 400 with the reason', async (_what, body, reason) => {
    const response = await postSigned(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(reason);
  });

  it('answers 204 to an event no workflow cares about, and queues nothing', async () => {
    const push = { repository: { full_name: PROGRAM_REPO }, ref: 'refs/heads/main' };
    const response = await postSigned(JSON.stringify(push), 'push');
    expect(response.status).toBe(204);
    const chatter = commentPayload('created', 'Thanks, looks good!', { sender: { login: 'maint' } });
    expect((await bot.deliver(chatter)).status).toBe(204);
    expect((await jobCounts()).waiting).toBe(0);
  });

  it('drops the bot’s own events (204)', async () => {
    const own = commentPayload('created', '/approve', { sender: { login: 'operator-bot' } });
    expect((await bot.deliver(own)).status).toBe(204);
  });

  it('answers 411 to a body without a Content-Length (chunked), before reading it', async () => {
    const { body, headers } = signedForBot(applicationLabeled());
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const response = await fetch(`${bot.url}/webhooks/gitea`, {
      method: 'POST',
      body: stream,
      headers,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it('answers 413 to a body over the limit without reading it all', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) });
    const response = await postSigned(huge);
    expect(response.status).toBe(413);
  });
});
