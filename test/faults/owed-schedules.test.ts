import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createEventQueue, type EventQueue, scheduleCrons } from '../../src/queue/event-queue.js';
import type { ScheduleName } from '../../src/schedules/runner.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createOwedScheduleStore } from '../../src/store/owed-schedules.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { runCli } from '../support/cli.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
let queue: EventQueue | undefined;

// The slots are months before the test's own clock: a run again that took "now" for its period
// would open another month's or week's issue than the one its slot owes.
const JUNE_CLOSE = Date.parse('2026-06-01T06:00:00Z');
const JUNE_8_REMINDER = Date.parse('2026-06-08T09:00:00Z');

beforeEach(async () => {
  seedProgram(gitea());
  // bob, active since January, never reports: the reminder of any week names him.
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  await startBot();
  // Jobs take their tries from the queue that adds them: as few as the bot's.
  queue = createEventQueue(redis.client, { attempts: 2, backoffMs: 100 });
});
afterEach(async () => {
  await bot?.stop();
  await queue?.close();
  bot = undefined;
  queue = undefined;
});

const startBot = async () => {
  bot = await startTestBot(redis.url, gitea(), {
    env: { GITEA_TIMEOUT_MS: '300', JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100' },
  });
};
const owed = () => createOwedScheduleStore(redis.client).owed();
const titles = () => {
  const found: string[] = [];
  for (let n = 1; n <= 40; n++) {
    const title = gitea().issue(PROGRAM_REPO, n)?.title;
    if (title) found.push(title);
  }
  return found;
};
/** Every issue of the program repo as a reader sees it: title, state, body, and its comments. */
const issuesSeen = () => {
  const seen: unknown[] = [];
  for (let n = 1; n <= 40; n++) {
    const issue = gitea().issue(PROGRAM_REPO, n);
    if (issue)
      seen.push({
        title: issue.title,
        state: issue.state,
        body: issue.body,
        comments: gitea()
          .comments(PROGRAM_REPO, n)
          .map((c) => c.body),
      });
  }
  return seen;
};
const giteaAway = () => gitea().failNext({ path: /.*/, status: 503, times: 1_000_000 });

/**
 * A job as the `schedule` job scheduler makes it for `slot` (BullMQ 6 JobScheduler.getNextJobOpts:
 * its job id, `repeatJobKey`, `prevMillis` and `repeat`, which a worker reads to schedule the next one).
 */
async function scheduledJob(schedule: ScheduleName, slot: number) {
  const jobId = `repeat:${schedule}:${slot}`;
  const repeat = { pattern: scheduleCrons(defaultProgramConfig())[schedule], tz: 'UTC' };
  const opts = { jobId, repeatJobKey: schedule, prevMillis: slot, repeat };
  await queue?.add('schedule', { schedule }, opts);
  return jobId;
}
async function settled(jobId: string) {
  return eventually(async () => {
    const state = await queue?.getJobState(jobId);
    expect(['completed', 'failed']).toContain(state);
    return state;
  }, 30_000);
}
let catchUps = 0;
/** One catch-up run (as its job scheduler, or a worker's start, adds it); resolves when it is over. */
async function catchUp() {
  const jobId = `test-catch-up-${++catchUps}`;
  await queue?.add('catch-up', { catchUp: true }, { jobId });
  return settled(jobId);
}
async function failsForGood(schedule: ScheduleName, slot: number) {
  giteaAway();
  const jobId = await scheduledJob(schedule, slot);
  expect(await settled(jobId)).toBe('failed');
  await eventually(async () => expect((await owed()).map((o) => o.jobId)).toEqual([jobId]));
  return jobId;
}

describe('a scheduled run that failed for good runs again with the catch-up once Gitea is back', () => {
  it('monthClose of the 1 June slot, Gitea away: no payroll issue; the catch-up after Gitea is back opens May’s, once', async () => {
    const jobId = await failsForGood('monthClose', JUNE_CLOSE);
    expect(titles()).not.toContain('Payroll 2026-05');
    expect((await owed())[0]?.run).toEqual({ schedule: 'monthClose', firedAt: '2026-06-01T06:00:00.000Z' });
    gitea().clearFaults();

    expect(await catchUp()).toBe('completed');
    expect(titles()).toContain('Payroll 2026-05');
    expect(titles()).toContain('Program report 2026-05');
    expect(titles().filter((t) => t.startsWith('Payroll') || t.startsWith('Program report'))).toHaveLength(2);
    expect(await owed()).toEqual([]);
    // Done: `jobs failed` no longer lists it for a person to retry.
    expect(await queue?.getJobState(jobId)).toBe('unknown');

    // The payroll issue's workflow starts (its status comment); a second catch-up changes nothing.
    await eventually(() =>
      expect(
        gitea()
          .comments(PROGRAM_REPO, titles().indexOf('Payroll 2026-05') + 1)
          .some((c) => c.body.includes('operator-bot:state')),
      ).toBe(true),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = issuesSeen();
    expect(await catchUp()).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(issuesSeen()).toEqual(before);
  }, 60_000);

  it('weeklyReminder of Monday 8 June, Gitea away: the catch-up after Gitea is back opens the reminder of week 23, once', async () => {
    await failsForGood('weeklyReminder', JUNE_8_REMINDER);
    expect(titles()).toEqual([]);
    gitea().clearFaults();

    expect(await catchUp()).toBe('completed');
    expect(titles()).toEqual(['Weekly reports 2026-W23']);
    expect(gitea().issue(PROGRAM_REPO, 1)?.body).toContain('@bob');
    expect(await owed()).toEqual([]);

    const before = issuesSeen();
    expect(await catchUp()).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(issuesSeen()).toEqual(before);
  }, 60_000);

  it('a catch-up while Gitea is still away leaves the run owed; the one after Gitea is back runs it', async () => {
    const jobId = await failsForGood('monthClose', JUNE_CLOSE);
    // Gitea still away: the catch-up fails too (it reads Gitea), the run stays owed.
    await catchUp();
    expect(titles()).toEqual([]);
    expect((await owed()).map((o) => o.jobId)).toEqual([jobId]);

    gitea().clearFaults();
    expect(await catchUp()).toBe('completed');
    expect(titles()).toContain('Payroll 2026-05');
    expect(await owed()).toEqual([]);
  }, 60_000);

  it('a maintainer ran `jobs retry` once Gitea was back: May’s payroll opens once, and the catch-up owes nothing more', async () => {
    const jobId = await failsForGood('monthClose', JUNE_CLOSE);
    // Stopped while the maintainer retries: no catch-up runs the owed run in between.
    await bot?.stop();
    await runCli(['jobs', 'retry', jobId], { env: { REDIS_URL: redis.url } });
    gitea().clearFaults();
    await startBot();
    expect(await settled(jobId)).toBe('completed');
    expect(titles()).toContain('Payroll 2026-05');
    // The start-up catch-up finds the run retried: owed no more, not run again.
    await eventually(async () => expect(await owed()).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = issuesSeen();
    expect(before.filter((i) => (i as { title: string }).title === 'Payroll 2026-05')).toHaveLength(1);

    expect(await catchUp()).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await owed()).toEqual([]);
    expect(issuesSeen()).toEqual(before);
  }, 60_000);

  // BullMQ moves the job to failed, then the worker's 'failed' listener records the debt: a worker
  // killed in between leaves a failed job and no debt.
  it('a worker killed between the failure and the record of the debt: the catch-up still opens May’s payroll', async () => {
    const jobId = await failsForGood('monthClose', JUNE_CLOSE);
    // (A catch-up started meanwhile, Gitea still away, may owe it again already: that is the fix.)
    await createOwedScheduleStore(redis.client).paid(jobId);
    gitea().clearFaults();

    expect(await catchUp()).toBe('completed');
    expect(titles()).toContain('Payroll 2026-05');
    expect(await owed()).toEqual([]);
    expect(await queue?.getJobState(jobId)).toBe('unknown');
  }, 60_000);

  it('two owed runs run oldest slot first: the weekly reminders of weeks 23 and 24 open in that order', async () => {
    await failsForGood('weeklyReminder', Date.parse('2026-06-15T09:00:00Z'));
    giteaAway();
    const earlier = await scheduledJob('weeklyReminder', JUNE_8_REMINDER);
    expect(await settled(earlier)).toBe('failed');
    await eventually(async () => expect(await owed()).toHaveLength(2));
    gitea().clearFaults();

    expect(await catchUp()).toBe('completed');
    expect(titles()).toEqual(['Weekly reports 2026-W23', 'Weekly reports 2026-W24']);
    expect(await owed()).toEqual([]);
  }, 60_000);

  it('a month whose payroll issue is open already: the owed monthClose run again changes nothing and posts nothing twice', async () => {
    // The 1 June run opened May's payroll (its workflow started), as if it failed for good after that.
    const jobId = await scheduledJob('monthClose', JUNE_CLOSE);
    expect(await settled(jobId)).toBe('completed');
    const payroll = titles().indexOf('Payroll 2026-05') + 1;
    await eventually(() =>
      expect(
        gitea()
          .comments(PROGRAM_REPO, payroll)
          .some((c) => c.body.includes('operator-bot:state')),
      ).toBe(true),
    );
    // Days later: the queue no longer keeps the `opened` job that started the payroll workflow.
    for (const job of await (queue as EventQueue).getCompleted())
      if (job.data && 'event' in job.data) await job.remove();
    await createOwedScheduleStore(redis.client).owe(jobId, {
      run: { schedule: 'monthClose', firedAt: new Date(JUNE_CLOSE).toISOString() },
      failedAt: '2026-06-01T06:04:00.000Z',
      attempts: 8,
      reason: 'Gitea answered 503',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = issuesSeen();

    expect(await catchUp()).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(issuesSeen()).toEqual(before);
    expect(await owed()).toEqual([]);
  }, 60_000);
});

describe('`operator-bot jobs failed` shows what a scheduled run that failed for good still owes', () => {
  it('names the month the run owes, since when, and that the next catch-up runs it', async () => {
    const jobId = await failsForGood('monthClose', JUNE_CLOSE);
    const failedAt = (await owed())[0]?.failedAt ?? '';
    const { stdout } = await runCli(['jobs', 'failed'], { env: { REDIS_URL: redis.url } });
    expect(stdout).toContain(jobId);
    expect(stdout).toContain('schedule monthClose for 2026-05');
    expect(stdout).toContain(
      `monthClose for 2026-05 owed since ${failedAt}, will run with the next catch-up`,
    );
    const json = JSON.parse(
      (await runCli(['jobs', 'failed', '--json'], { env: { REDIS_URL: redis.url } })).stdout,
    );
    expect(json.filter((job: { name: string }) => job.name === 'schedule')).toEqual([
      expect.objectContaining({
        id: jobId,
        what: 'schedule monthClose for 2026-05',
        owed: `monthClose for 2026-05 owed since ${failedAt}, will run with the next catch-up`,
      }),
    ]);

    gitea().clearFaults();
    expect(await catchUp()).toBe('completed');
    const after = await runCli(['jobs', 'failed'], { env: { REDIS_URL: redis.url } });
    expect(after.stdout).not.toContain('monthClose');
    expect(after.stdout).not.toContain('owed');
  }, 60_000);
});
