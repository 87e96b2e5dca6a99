import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPingStore } from '../../src/store/pings.js';
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
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops', user: 'maint' });
  await createOperatorStore(redis.client).put(
    activeOperator('bob', { activatedAt: '2026-08-01T09:00:00.000Z' }),
  );
  return testCore(redis.client, gitea());
}

let id = 7000;
const say = (login: string, body: string, at: string) =>
  commentPayload('created', body, {
    issue: { number: 3, labels: [], user: { login: 'maint' } },
    comment: { id: ++id, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
const comments = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .map((c) => c.body);
const rotationIssue = (week: string) => {
  for (let n = 1; n < 20; n++)
    if (gitea().issue(PROGRAM_REPO, n)?.title === `Credential rotation ${week}`) return n;
  return 0;
};

describe('credential rotation every 90 days', () => {
  it('reminds at 80 days once, again when overdue, and stops after /rotated', async () => {
    const core = await setUp();
    await core.runSchedule({ schedule: 'credentialCheck', firedAt: '2026-10-19T09:00:00.000Z' });
    expect(rotationIssue('2026-W43')).toBe(0);

    await core.runSchedule({ schedule: 'credentialCheck', firedAt: '2026-10-21T09:00:00.000Z' });
    await core.runSchedule({ schedule: 'credentialCheck', firedAt: '2026-10-22T09:00:00.000Z' });
    const issue = rotationIssue('2026-W43');
    expect(gitea().issue(PROGRAM_REPO, issue)?.body).toContain(
      '@bob — last rotation 2026-08-01 09:00 UTC, due by 2026-10-30 09:00 UTC',
    );
    expect(comments(issue).filter((c) => c.includes('due for rotation'))).toHaveLength(1);

    await core.runSchedule({ schedule: 'credentialCheck', firedAt: '2026-10-31T09:00:00.000Z' });
    const overdue = rotationIssue('2026-W44');
    expect(comments(overdue).filter((c) => c.includes('overdue'))).toHaveLength(1);

    await core.handle(say('bob', '/rotated new fleet token', '2026-11-01T10:00:00Z'));
    expect(comments(3).join('\n')).toContain('the next one is due by 2027-01-30 10:00 UTC');
    const before = gitea().requests.filter((r) => r.method !== 'GET').length;
    await core.runSchedule({ schedule: 'credentialCheck', firedAt: '2026-11-02T09:00:00.000Z' });
    expect(gitea().requests.filter((r) => r.method !== 'GET').length).toBe(before);
  });
});

describe('maintainer pings answered within 24 hours', () => {
  it('records the response time when the operator comments after the ping', async () => {
    const core = await setUp();
    await core.handle(say('maint', '/ping @bob is fsn1-b back?', '2026-11-10T09:00:00Z'));
    expect(comments(3).join('\n')).toContain('@bob: please answer in this issue by 2026-11-11 09:00:00 UTC');
    const pings = createPingStore(redis.client);
    expect(await pings.awaitsAnswer(`${PROGRAM_REPO}#3`)).toBe(true);
    await core.handle(say('carol', 'I think so', '2026-11-10T09:30:00Z'));
    await core.handle(say('bob', 'Yes, since 08:40.', '2026-11-10T11:15:00Z'));
    expect(await pings.awaitsAnswer(`${PROGRAM_REPO}#3`)).toBe(false);
    const [ping] = await pings.inMonth('2026-11');
    expect(ping).toMatchObject({
      login: 'bob',
      by: 'maint',
      answeredAt: '2026-11-10T11:15:00.000Z',
      responseMs: 8_100_000,
      missed: false,
    });
    await core.fire(/^ping-/);
    expect(comments(3).join('\n')).not.toContain('still unanswered');
  });

  it('counts a missed ping and reminds once when it lapses', async () => {
    const core = await setUp();
    await core.handle(say('maint', '/ping @bob status of the migration?', '2026-11-10T09:00:00Z'));
    expect(await core.fire(/^ping-/)).toBe(1);
    expect(comments(3).filter((c) => c.includes('still unanswered'))).toHaveLength(1);
    const [ping] = await createPingStore(redis.client).inMonth('2026-11');
    expect(ping).toMatchObject({ login: 'bob', missed: true });
  });

  it.each([
    ['/ping', 'write `/ping @operator'],
    ['/ping @carol hello', '`@\u200bcarol` is not an operator'],
  ])('%s is refused with the reason', async (body, reason) => {
    const core = await setUp();
    await core.handle(say('maint', body, '2026-11-10T09:00:00Z'));
    expect(comments(3).join('\n')).toContain(reason);
  });
});

describe('standards on the payroll line', () => {
  it('flags overdue credentials and missed pings (information, no pay rule)', async () => {
    const core = await setUp();
    await core.handle(say('maint', '/ping @bob anything to report?', '2026-11-10T09:00:00Z'));
    await core.fire(/^ping-/);
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll =
      [1, 2, 3, 4, 5, 6].find((n) => gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-11') ?? 0;
    const table = comments(payroll).find((c) => c.includes('operator-bot:state')) ?? '';
    // bob was activated 2026-08-01 and never rotated: overdue since 2026-10-30.
    expect(table).toContain('credentials-overdue');
    expect(table).toContain('pings-missed');
    expect(table).toContain('pings: 1 asked, 0 answered in time, 1 missed');
    expect(table).toContain('| @bob | active | $150.00 |');
    expect(table).toContain('2 node(s) registered, active 30/30 days');
  });
});

describe('operators list', () => {
  it('shows each operator’s last rotation and this month’s pings', async () => {
    const { loadEnv } = await import('../../src/config/load.js');
    const { runOperatorsList } = await import('../../src/cli/operators.js');
    const { vi } = await import('vitest');
    const core = await setUp();
    const now = new Date().toISOString();
    await core.handle(say('bob', '/rotated', now));
    await core.handle(say('maint', '/ping @bob hello?', now));
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    try {
      await runOperatorsList(loadEnv({ REDIS_URL: redis.url }, 'tool'), { json: true });
    } finally {
      spy.mockRestore();
    }
    const [bob] = JSON.parse(printed.join('\n'));
    expect(bob).toMatchObject({
      login: 'bob',
      lastRotation: new Date(now).toISOString(),
      pingsThisMonth: { asked: 1, answered: 0, missed: 0 },
    });
  });
});
