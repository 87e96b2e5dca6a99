import type { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createEventQueue, registerSchedules } from '../../src/queue/event-queue.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createReportStore } from '../../src/store/reports.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();

async function setUp() {
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops chatter', user: 'maint' });
  const registry = createOperatorStore(redis.client);
  await registry.put(activeOperator('bob', { activatedAt: '2026-10-01T00:00:00.000Z' }));
  await registry.put(activeOperator('carol', { activatedAt: '2026-10-01T00:00:00.000Z' }));
  await registry.put(activeOperator('dave', { activatedAt: '2026-11-24T00:00:00.000Z' }));
  return testCore(redis.client, gitea());
}

const reportComment = (login: string, body: string, id: number, at = '2026-11-24T08:00:00Z') =>
  commentPayload('created', body, {
    issue: { number: 3, labels: [], user: { login: 'maint' } },
    comment: { id, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });

const reminderIssues = () => gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues');

describe('weekly reports and reminders', () => {
  it('stores a /report from any issue and answers it', async () => {
    const core = await setUp();
    await core.handle(reportComment('bob', '/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70', 801));
    const [stored] = await createReportStore(redis.client).of('bob');
    expect(stored?.report).toMatchObject({
      week: '2026-W47',
      uptimePercent: 99.7,
      tasksCompleted: 42,
      tasksDispatched: 44,
    });
    const answer = gitea()
      .comments(PROGRAM_REPO, 3)
      .find((c) => c.body.includes('operator-bot:reply 801'));
    expect(answer?.body).toContain('2026-W47');
    // A report is an operator's: whether bob is a maintainer never matters, and is not asked.
    expect(
      gitea().requestsTo('GET', '/repos/{owner}/{repo}/collaborators/{collaborator}/permission'),
    ).toEqual([]);
  });

  it('mentions who has not reported last week in one issue, edited when it runs again or a report arrives', async () => {
    const core = await setUp();
    await core.handle(reportComment('bob', '/report uptime=99.7 tasks=42/44', 801));
    await core.runSchedule({ schedule: 'weeklyReminder', firedAt: '2026-11-23T09:00:00.000Z' });
    expect(reminderIssues()).toHaveLength(1);
    const issue = gitea().issue(PROGRAM_REPO, 4);
    expect(issue?.title).toBe('Weekly reports 2026-W47');
    expect(issue?.body).toContain('@carol');
    expect(issue?.body).not.toContain('@bob');
    expect(issue?.body).not.toContain('@dave');
    // A plain list: a checkbox anyone could tick would say nothing about who reported.
    expect(issue?.body).toContain('\n- @carol');
    expect(issue?.body).not.toContain('- [ ]');
    expect(issue?.body).toContain('(due Monday 09:00 UTC)');
    expect(issue?.state).toBe('open');

    await core.runSchedule({ schedule: 'weeklyReminder', firedAt: '2026-11-23T09:00:00.000Z' });
    expect(reminderIssues()).toHaveLength(1);

    await core.handle(reportComment('carol', '/report uptime=99.1 tasks=7/7 week=2026-W47', 802));
    expect(gitea().issue(PROGRAM_REPO, 4)?.body).toContain('Every operator has reported 2026-W47');
    // Complete: the reminder is closed, not left open for someone to close by hand.
    expect(gitea().issue(PROGRAM_REPO, 4)?.state).toBe('closed');
    expect(reminderIssues()).toHaveLength(1);
  });

  it('opens no issue when everyone reported', async () => {
    const core = await setUp();
    await core.handle(reportComment('bob', '/report uptime=99.7 tasks=42/44', 801));
    await core.handle(reportComment('carol', '/report uptime=99.7 tasks=42/44', 802));
    await core.runSchedule({ schedule: 'weeklyReminder', firedAt: '2026-11-23T09:00:00.000Z' });
    expect(reminderIssues()).toHaveLength(0);
  });

  it('registers the job schedulers: weekly reminders, month close on payroll.openOnDay, the daily credential check (UTC)', async () => {
    const queue = createEventQueue(redis.client);
    await registerSchedules(queue, defaultProgramConfig());
    await registerSchedules(queue, defaultProgramConfig());
    const schedulers = await (queue as Queue).getJobSchedulers();
    expect(schedulers).toHaveLength(3);
    expect(schedulers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'weeklyReminder', pattern: '0 9 * * 1', tz: 'UTC' }),
        expect.objectContaining({ key: 'monthClose', pattern: '0 6 1 * *', tz: 'UTC' }),
        expect.objectContaining({ key: 'credentialCheck', pattern: '0 9 * * *', tz: 'UTC' }),
      ]),
    );
    await queue.close();
  });
});
