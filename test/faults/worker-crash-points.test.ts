import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, type DeliveryPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';
import { storedState } from '../support/redis-state.js';

const redis = useRedis();
const gitea = useFakeGitea();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A connection to the test's Redis whose process is killed (SIGKILL) before its `crashAt`-th
 * command: that command and every later one are never sent and never answered, so the job stops
 * there, as a killed worker does. A pipeline or MULTI counts as one command (Redis gets all of it
 * or none). `sent()` counts the commands sent.
 */
function mortalConnection(url: string, crashAt: number) {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const send = connection.sendCommand.bind(connection);
  const pipelines = new WeakMap<object, boolean>();
  let sent = 0;
  let dead = false;
  let died: () => void = () => undefined;
  const death = new Promise<void>((resolve) => {
    died = resolve;
  });
  /** Whether the next command (or pipeline) goes out; the crash point is decided here. */
  const alive = () => {
    if (!dead && sent + 1 >= crashAt) {
      dead = true;
      died();
    }
    if (!dead) sent += 1;
    return !dead;
  };
  connection.sendCommand = ((command: { promise: Promise<unknown> }, stream?: object) => {
    const goes = stream
      ? (pipelines.get(stream) ?? pipelines.set(stream, alive()).get(stream)) && !dead
      : alive();
    return goes ? send(command as never, stream as never) : command.promise;
  }) as typeof connection.sendCommand;
  return { connection, death, sent: () => sent, dead: () => dead };
}

/** A comment with a fixed id (every run of a story is the same), in a payroll issue unless told otherwise. */
const commentAt = (
  issue: number,
  id: number,
  login: string,
  body: string,
  at: string,
  { labels = ['payroll'], author = 'operator-bot' }: { labels?: string[]; author?: string } = {},
) =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: author } },
    comment: { id, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });

/** Brings Redis and Gitea to the moment of the job; its delivery, and the issues a person reads besides the payroll. */
type Story = (
  core: Awaited<ReturnType<typeof aMonthOfActivity>>,
  payroll: number,
) => Promise<{ job: DeliveryPayload; issues?: number[] }>;

const approved = async (core: Awaited<ReturnType<typeof aMonthOfActivity>>, payroll: number) => {
  await core.handle(commentAt(payroll, 801, 'maint', '/approve', '2026-12-02T10:00:00Z'));
  await core.handle(commentAt(payroll, 802, 'maint2', '/approve', '2026-12-02T10:01:00Z'));
};

const STORIES: Record<string, Story> = {
  "maint's `/paid @bob TX` in the approved payroll": async (core, payroll) => {
    await approved(core, payroll);
    return { job: commentAt(payroll, 803, 'maint', `/paid @bob ${tx(12)}`, '2026-12-03T10:00:00Z') };
  },
  "maint2's `/approve`, the second": async (core, payroll) => {
    await core.handle(commentAt(payroll, 801, 'maint', '/approve', '2026-12-02T10:00:00Z'));
    return { job: commentAt(payroll, 802, 'maint2', '/approve', '2026-12-02T10:01:00Z') };
  },
  "bob's `/report` of a worse week while the payroll is in review": async () => {
    gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Reports', user: 'bob' });
    const report = '/report uptime=95 tasks=20/25 week=2026-W46';
    return { job: commentAt(40, 804, 'bob', report, '2026-12-02T09:00:00Z', { labels: [] }), issues: [40] };
  },
  "maint's `/wallet @bob ADDRESS base` from 20 November, while the payroll is in review": async () => {
    gitea().addIssue(PROGRAM_REPO, { number: 41, title: 'Checks', user: 'maint' });
    const wallet = '/wallet @bob 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed base 2026-11-20';
    const job = commentAt(41, 807, 'maint', wallet, '2026-12-02T11:00:00Z', { labels: [], author: 'maint' });
    return { job, issues: [41] };
  },
  "bob's `/ack` of a critical alert": async (core) => {
    gitea().addIssue(PROGRAM_REPO, {
      number: 9,
      title: 'Gateway down on fsn1-node-2',
      user: 'bob',
      labels: ['operator-alert'],
    });
    const alert = { number: 9, labels: [label('operator-alert')], user: { login: 'bob' } };
    const at = '2026-12-02T03:00:00Z';
    await core.handle(
      issuePayload('opened', {
        number: 9,
        issue: {
          ...alert,
          title: 'Gateway down on fsn1-node-2',
          body: 'The gateway stopped answering.',
          created_at: at,
          updated_at: at,
        },
        sender: { login: 'bob' },
      }),
    );
    const ack = commentPayload('created', '/ack', {
      issue: alert,
      comment: {
        id: 808,
        user: { login: 'bob' },
        created_at: '2026-12-02T03:10:00Z',
        updated_at: '2026-12-02T03:10:00Z',
      },
      sender: { login: 'bob' },
    });
    return { job: ack, issues: [9] };
  },
  "maint's `/paid TX` of bob's final payment in his termination issue": async (core) => {
    gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Security incident', user: 'maint' });
    const terminate = '/terminate @bob leaked the fleet API key';
    await core.handle(
      commentAt(3, 805, 'maint', terminate, '2026-11-20T12:00:00Z', { labels: [], author: 'maint' }),
    );
    await core.fire(/^opened-termination-bob/);
    let issue = 1;
    while (gitea().issue(PROGRAM_REPO, issue)?.title !== 'Termination: @bob') issue += 1;
    const paid = commentAt(issue, 806, 'maint', `/paid ${tx(13)}`, '2026-11-21T10:00:00Z', {
      labels: ['exit-notice'],
    });
    return { job: paid, issues: [issue] };
  },
};

/**
 * November's payroll opened (1 December), then `story`: its job handled by a worker whose Redis
 * connection dies before its `crashAt`-th command (Infinity: never), then the job run again by a
 * fresh worker, as BullMQ runs a stalled job (`retry` false: not run again), then the payroll
 * refreshes either run queued. What a person sees in Gitea, the ledger, and all Redis holds.
 */
async function run(story: Story, crashAt: number, retry = true) {
  gitea().reset();
  await redis.client.flushall();
  const core = await aMonthOfActivity(redis.client, gitea());
  await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
  await core.fire(/^opened-payroll-2026-11/);
  const payroll = payrollView(gitea());
  const { job, issues = [] } = await story(core, payroll.number());

  const mortal = mortalConnection(redis.url, crashAt);
  const dying = testCore(mortal.connection, gitea());
  // A killed job never finishes: what it left is what it sent before the crash point.
  await Promise.race([dying.handle(job), mortal.death.then(() => new Promise((r) => setTimeout(r, 50)))]);
  mortal.connection.disconnect();
  const again = testCore(redis.client, gitea());
  if (retry) await again.handle(job);
  // The payroll refreshes queued by either run, each job id once (BullMQ adds a job id once; a
  // real worker's enqueue is a Redis write, kept when it was made before the kill).
  const refreshes = new Map(
    [...dying.timers, ...again.timers]
      .filter((timer) => timer.jobId.startsWith('refresh-payroll'))
      .map((timer) => [timer.jobId, timer.event]),
  );
  for (const event of refreshes.values()) await again.handleEvent(event);
  return {
    died: mortal.dead(),
    sent: mortal.sent(),
    seen: {
      comments: [payroll.number(), ...issues].map((issue) =>
        gitea()
          .comments(PROGRAM_REPO, issue)
          .map((c) => [c.id, c.user?.login, c.body]),
      ),
      labels: payroll.labels(),
      state: payroll.state(),
    },
    ledger: (await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => [p.login, p.cents, p.tx]),
    stored: await storedState(redis.client),
  };
}

// A worker is killed (SIGKILL, OOM, a deploy past its drain bound) between any two of its Redis
// commands; BullMQ runs the stalled job again. Here each job is killed before each of its commands
// in turn (a MULTI or pipeline is one command: Redis applies it whole or not at all), run again,
// and must leave exactly what a job never killed leaves: the same comments and labels in Gitea,
// the same ledger, the same Redis state. Found this way: a /paid killed after its ledger write
// answered "recorded already" on its retry and lost its line in the payroll's history; a job
// killed after saving its instance never queued the payroll refresh (the table in review missed
// the report); a reply recorded already left a "writing" mark behind for 30 days.
describe('a worker killed before each Redis command of a job, then the job run again', () => {
  it.each(Object.keys(STORIES))('%s: as if never killed', { timeout: 60_000 }, async (name) => {
    const story = STORIES[name] as Story;
    const whole = await run(story, Number.POSITIVE_INFINITY);
    expect(whole.died).toBe(false);
    // Run again after it finished (a duplicate job), it changes nothing.
    expect(whole).toEqual({ ...(await run(story, Number.POSITIVE_INFINITY, false)), sent: whole.sent });
    const differing: number[] = [];
    let first: Awaited<ReturnType<typeof run>> | undefined;
    for (let crashAt = 1; crashAt <= whole.sent; crashAt++) {
      const killed = await run(story, crashAt);
      expect(killed.died).toBe(true);
      const { seen, ledger, stored } = killed;
      if (
        JSON.stringify({ seen, ledger, stored }) !==
        JSON.stringify({ seen: whole.seen, ledger: whole.ledger, stored: whole.stored })
      ) {
        differing.push(crashAt);
        first ??= killed;
      }
    }
    if (first)
      expect({ seen: first.seen, ledger: first.ledger, stored: first.stored }).toEqual({
        seen: whole.seen,
        ledger: whole.ledger,
        stored: whole.stored,
      });
    expect(differing).toEqual([]);
  });
});
