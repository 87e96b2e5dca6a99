import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from './bot.js';
import { testCore } from './core.js';
import { commentPayload, type DeliveryPayload, label } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';
import { useFakeGitea } from './gitea/vitest.js';
import { aMonthOfActivity, payrollView } from './payroll.js';
import { useRedis } from './redis.js';
import { storedState } from './redis-state.js';

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
export const commentAt = (
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

export type Core = Awaited<ReturnType<typeof aMonthOfActivity>>;

/**
 * Brings Redis and Gitea to the moment of the job (November's payroll, issue `payroll`, is open
 * in review); returns its delivery, and the issues a person reads besides the payroll.
 */
export type Story = (
  core: Core,
  payroll: number,
  gitea: FakeGitea,
) => Promise<{ job: DeliveryPayload; issues?: number[] }>;

/** November's payroll approved by maint and maint2. */
export async function approved(core: Core, payroll: number) {
  await core.handle(commentAt(payroll, 801, 'maint', '/approve', '2026-12-02T10:00:00Z'));
  await core.handle(commentAt(payroll, 802, 'maint2', '/approve', '2026-12-02T10:01:00Z'));
}

/**
 * A worker is killed (SIGKILL, OOM, a deploy past its drain bound) between any two of its Redis
 * commands; BullMQ runs the stalled job again. For each story, its job is killed before each of its
 * commands in turn (a MULTI or pipeline is one command: Redis applies it whole or not at all), run
 * again, and must leave exactly what a job never killed leaves: the same comments and labels in
 * Gitea, the same timers queued, the same ledger, the same Redis state, key by key.
 */
export function killedAtEveryPoint(stories: Record<string, Story>) {
  const redis = useRedis();
  const gitea = useFakeGitea();
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
    // Gitea's clock stands still: what it stamps (the times the bot's status writes were shown) is
    // the same in every run, whatever second each run reaches it in.
    gitea().clockAt('2026-12-01T07:00:00Z');
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    const { job, issues = [] } = await story(core, payroll.number(), gitea());

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
    // Every timer either run queued (a delayed BullMQ job: an escalation, an issue to open, a refresh).
    const timers = [...new Set([...dying.timers, ...again.timers].map((timer) => timer.jobId))].sort();
    return {
      died: mortal.dead(),
      sent: mortal.sent(),
      seen: {
        comments: [payroll.number(), ...issues].map((issue) =>
          gitea()
            .comments(PROGRAM_REPO, issue)
            .map((c) => [c.id, c.user?.login, c.body]),
        ),
        labels: [payroll.number(), ...issues].map((issue) => gitea().issueLabels(PROGRAM_REPO, issue)),
        states: [payroll.number(), ...issues].map((issue) => gitea().issue(PROGRAM_REPO, issue)?.state),
      },
      timers,
      ledger: (await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => [
        p.login,
        p.cents,
        p.tx,
      ]),
      stored: await storedState(redis.client),
    };
  }

  describe('a worker killed before each Redis command of a job, then the job run again', () => {
    it.each(Object.keys(stories))('%s: as if never killed', { timeout: 60_000 }, async (name) => {
      const story = stories[name] as Story;
      const whole = await run(story, Number.POSITIVE_INFINITY);
      expect(whole.died).toBe(false);
      // Run again after it finished (a duplicate job), it changes nothing.
      expect(whole).toEqual({ ...(await run(story, Number.POSITIVE_INFINITY, false)), sent: whole.sent });
      const differing: number[] = [];
      let first: Awaited<ReturnType<typeof run>> | undefined;
      for (let crashAt = 1; crashAt <= whole.sent; crashAt++) {
        const killed = await run(story, crashAt);
        expect(killed.died).toBe(true);
        const { seen, timers, ledger, stored } = killed;
        if (
          JSON.stringify({ seen, timers, ledger, stored }) !==
          JSON.stringify({
            seen: whole.seen,
            timers: whole.timers,
            ledger: whole.ledger,
            stored: whole.stored,
          })
        ) {
          differing.push(crashAt);
          first ??= killed;
        }
      }
      if (first)
        expect({
          seen: first.seen,
          timers: first.timers,
          ledger: first.ledger,
          stored: first.stored,
        }).toEqual({
          seen: whole.seen,
          timers: whole.timers,
          ledger: whole.ledger,
          stored: whole.stored,
        });
      expect(differing).toEqual([]);
    });
  });
}
