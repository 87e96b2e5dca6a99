import { afterEach, describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { INTAKE_STREAM } from '../../src/store/intake.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload, type DeliveryPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ISSUE = 7;
const labels = () => gitea().issueLabels(PROGRAM_REPO, ISSUE);
const statusBody = () =>
  gitea()
    .comments(PROGRAM_REPO, ISSUE)
    .filter((c) => c.body.includes('operator-bot:state'))
    .map((c) => c.body);

let nextComment = 3000;
const comment = (login: string, body: string, at: string) =>
  commentPayload('created', body, {
    issue: { number: ISSUE, body: completeForm },
    comment: { id: ++nextComment, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });

/** The whole history of one application, in event time (the shadow week ends before the fleet is set up). */
function history(): DeliveryPayload[] {
  return [
    issuePayload('opened', {
      issue: {
        number: ISSUE,
        body: completeForm,
        created_at: '2026-10-01T09:00:00Z',
        updated_at: '2026-10-01T09:00:00Z',
      },
      sender: { login: 'alice' },
    }),
    comment('maint', '/approve', '2026-10-02T09:00:00Z'),
    comment('alice', '/module 1\n/module 2\n/module 3', '2026-10-03T09:00:00Z'),
    comment('alice', '/module 4\n/module 5', '2026-10-04T09:00:00Z'),
    comment('maint', '/quiz 86', '2026-10-05T09:00:00Z'),
    comment('maint', '/shadow @bob', '2026-10-05T10:00:00Z'),
  ];
}
const certification = (): DeliveryPayload[] => [
  comment('alice', '/fleet fsn1-a fsn1-b', '2026-10-13T09:00:00Z'),
  comment('maint', '/tasks 10', '2026-10-14T09:00:00Z'),
  comment('maint', '/signoff', '2026-10-15T09:00:00Z'),
];

async function deliverInOrder(events: DeliveryPayload[]) {
  for (const payload of events) {
    const response = await bot?.deliver(payload);
    expect(response?.status).toBe(202);
    // One at a time, as people act: each command is decided before the next arrives.
    // The intake stream first (the mover deletes what it moved into BullMQ), then BullMQ's lists.
    await eventually(async () => {
      const [arriving, waiting, active] = await Promise.all([
        redis.client.xlen(INTAKE_STREAM),
        redis.client.llen('bull:operator-bot-events:wait'),
        redis.client.llen('bull:operator-bot-events:active'),
      ]);
      expect(arriving + waiting + active).toBe(0);
      // A job waiting for the issue's lock sits in BullMQ's delayed set: wait for the command itself.
      const id = (payload as { comment?: { id?: number } }).comment?.id;
      if (id !== undefined) expect((await savedState()).instance?.applied ?? []).toContain(id);
    }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

async function runApplication() {
  nextComment = 3000;
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, {
    number: ISSUE,
    title: 'Operator application: alice',
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });
  bot = await startTestBot(redis.url, gitea());
  await deliverInOrder(history());
  // The shadow week's timer was due on 2026-10-12, long past: it fires at once.
  await eventually(() => expect(labels()).toContain('onboarding/certification'), 20_000);
  await deliverInOrder(certification());
  await eventually(() => expect(labels()).toContain('onboarding/active'), 20_000);
  await eventually(() => expect(gitea().issue(PROGRAM_REPO, ISSUE)?.state).toBe('closed'));
  // The instance is saved after the effects and the reply: wait for the last command's record.
  await eventually(async () => expect((await savedState()).instance?.applied ?? []).toContain(nextComment));
}

async function savedState() {
  const instance = JSON.parse(
    (await redis.client.get(`ob:instance:${PROGRAM_REPO}#${ISSUE}:onboarding`)) ?? 'null',
  );
  return { instance, registry: await createOperatorStore(redis.client).all() };
}

describe('onboarding over Gitea and Redis', () => {
  it('walks an application from the form to an active operator in the registry', async () => {
    await runApplication();
    expect(labels().filter((l) => l.startsWith('onboarding/'))).toEqual(['onboarding/active']);
    const bodies = statusBody();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('[x] Training module 5');
    expect(bodies[0]).toContain('[x] Fleet operations quiz ≥ 80% (last score 86%)');
    expect(bodies[0]).toContain('[x] Shadow week with @bob');
    expect(bodies[0]).toContain('[x] 10/10 dispatched tasks completed');
    expect(bodies[0]).toContain('[x] Sign-off by @maint');
    expect(bodies[0]).toContain('active since 2026-10-15 09:00 UTC');
    const { registry } = await savedState();
    expect(registry).toEqual([
      {
        login: 'alice',
        handle: 'Ada Lovelace (ada)',
        wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        chain: 'base',
        nodes: 3,
        region: 'Falkenstein (fsn1)',
        activatedAt: '2026-10-15T09:00:00.000Z',
        mentor: 'bob',
        referrer: 'grace',
        status: 'active',
        applicationIssue: 'fleet/program#7',
        stints: 1,
      },
    ]);
    const replies = gitea()
      .comments(PROGRAM_REPO, ISSUE)
      .filter((c) => c.body.includes('operator-bot:reply'));
    expect(replies.map((r) => r.body).join('\n')).toContain('quiz score 86% — passed');
  });

  it('gives the same state when the same history is run twice', async () => {
    await runApplication();
    const first = await savedState();
    await bot?.stop();
    bot = undefined;
    await redis.client.flushall();
    gitea().reset();
    await runApplication();
    expect(await savedState()).toEqual(first);
  });

  it('keeps the shadow week across a worker restart and fires it once', async () => {
    const config = parseProgramConfig('onboarding:\n  shadowPeriod: 2s\n');
    seedProgram(gitea());
    gitea().addIssue(PROGRAM_REPO, {
      number: ISSUE,
      title: 'Operator application: alice',
      body: completeForm,
      user: 'alice',
      labels: ['operator-application'],
    });
    bot = await startTestBot(redis.url, gitea(), { config });
    const now = new Date();
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
    await deliverInOrder([
      issuePayload('opened', {
        issue: {
          number: ISSUE,
          body: completeForm,
          labels: [label('operator-application')],
          created_at: at(-5000),
          updated_at: at(-5000),
        },
        sender: { login: 'alice' },
      }),
      comment('maint', '/approve\n/quiz 90', at(-4000)),
      comment('alice', '/module 1\n/module 2\n/module 3\n/module 4\n/module 5', at(-3000)),
      comment('maint', '/shadow @bob', at(0)),
    ]);
    await bot.stop();
    bot = await startTestBot(redis.url, gitea(), { config });
    await eventually(() => expect(labels()).toContain('onboarding/certification'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const instance = (await savedState()).instance;
    expect(instance.data.shadowDoneAt).toBeDefined();
    expect(gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/labels').length).toBe(3);
  });
});
