import { afterEach, describe, expect, it } from 'vitest';
import { createEventQueue } from '../../src/queue/event-queue.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPingStore } from '../../src/store/pings.js';
import { createReportStore } from '../../src/store/reports.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function setUp() {
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops', user: 'maint' });
  await createOperatorStore(redis.client).put(
    activeOperator('bob', { activatedAt: '2026-10-01T00:00:00.000Z' }),
  );
  bot = await startTestBot(redis.url, gitea());
  return bot;
}

const say = (id: number, login: string, body: string, at: string) =>
  commentPayload('created', body, {
    issue: { number: 3, labels: [], user: { login: 'maint' } },
    comment: { id, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });

/** The 7-day window passes: the intake's dedupe keys expire and completed jobs are removed. */
async function forgetDeliveries() {
  const queue = createEventQueue(redis.client);
  try {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      expect((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0)).toBe(0);
    });
    const seen = await redis.client.keys('ob:seen:*');
    if (seen.length > 0) await redis.client.del(...seen);
    await queue.clean(0, 10_000, 'completed');
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 0 });
  } finally {
    await queue.close();
  }
}

/** Delivers again and waits until its job has run. */
async function replay(delivery: ReturnType<typeof say>) {
  expect((await bot?.deliver(delivery))?.status).toBe(202);
  const queue = createEventQueue(redis.client);
  try {
    // Only the replayed event counts: the catch-up's and the timers' jobs complete beside it.
    await eventually(async () =>
      expect((await queue.getJobs(['completed'])).filter((job) => job.name === 'event')).toHaveLength(1),
    );
  } finally {
    await queue.close();
  }
}

describe('a command is applied at most once, ever', () => {
  it('a /report replayed after the dedupe window does not overwrite the newer report', async () => {
    const bot = await setUp();
    const older = say(801, 'bob', '/report uptime=99.7 tasks=42/44', '2026-11-24T08:00:00Z');
    const newer = say(802, 'bob', '/report uptime=98.1 tasks=40/44', '2026-11-25T08:00:00Z');
    expect((await bot.deliver(older)).status).toBe(202);
    const reports = createReportStore(redis.client);
    await eventually(async () => expect((await reports.of('bob'))[0]?.source.commentId).toBe(801));
    expect((await bot.deliver(newer)).status).toBe(202);
    await eventually(async () => expect((await reports.of('bob'))[0]?.source.commentId).toBe(802));

    await forgetDeliveries();
    await replay(older);
    const [stored] = await reports.of('bob');
    expect(stored?.source.commentId).toBe(802);
    expect(stored?.report.uptimePercent).toBe(98.1);
  });

  it('an answered /ping replayed after the dedupe window stays answered', async () => {
    const bot = await setUp();
    const askedAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const answeredAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ping = say(901, 'maint', '/ping @bob is fsn1-b back?', askedAt);
    expect((await bot.deliver(ping)).status).toBe(202);
    const pings = createPingStore(redis.client);
    await eventually(async () => expect(await pings.awaitsAnswer(`${PROGRAM_REPO}#3`)).toBe(true));
    expect((await bot.deliver(say(902, 'bob', 'Yes, since 08:40.', answeredAt))).status).toBe(202);
    await eventually(async () => expect(await pings.awaitsAnswer(`${PROGRAM_REPO}#3`)).toBe(false));

    await forgetDeliveries();
    await replay(ping);
    expect(await pings.awaitsAnswer(`${PROGRAM_REPO}#3`)).toBe(false);
    const [record] = await pings.inMonth(askedAt.slice(0, 7));
    expect(record).toMatchObject({
      id: 901,
      login: 'bob',
      answeredAt: answeredAt.replace('Z', '.000Z'),
      missed: false,
    });
    const asks = gitea()
      .comments(PROGRAM_REPO, 3)
      .filter((c) => c.body.includes('please answer in this issue'));
    expect(asks).toHaveLength(1);
  });
});
