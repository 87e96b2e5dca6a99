import { describe, expect, it, vi } from 'vitest';
import { runPayrollPreview } from '../../src/cli/payroll.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, approvedPayroll, commentIn, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();

async function preview(month: string) {
  const env = loadEnv({ PROGRAM_REPO, REDIS_URL: redis.url, LOG_LEVEL: 'silent' }, 'tool');
  const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    expect(await runPayrollPreview(env, defaultProgramConfig(), month, true)).toBe(0);
    return JSON.parse(String(print.mock.calls[0]?.[0])) as {
      lines: { operator: string; flags: string[]; totalCents: number; adjustmentCents: number }[];
      totalCents: number;
    };
  } finally {
    print.mockRestore();
  }
}

describe('payroll preview reads the month as the payroll issue does', () => {
  it('shows the credential and ping flags and the issue’s adjustments, with the issue’s amounts', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    gitea().addIssue(PROGRAM_REPO, { number: 41, title: 'Checks', user: 'maint' });
    await core.handle(
      commentIn(41, 'maint', '/ping @alice are your nodes up?', '2026-11-20T10:00:00Z', {
        labels: [],
        author: 'maint',
      }),
    );
    await core.fire(/ping/);
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +10 on-call cover'));

    const json = await preview('2026-11');
    const bob = json.lines.find((line) => line.operator === 'bob');
    const alice = json.lines.find((line) => line.operator === 'alice');
    // bob has never rotated his credentials since January: overdue at the month's end.
    expect(bob?.flags).toContain('credentials-overdue');
    expect(alice?.flags).toContain('pings-missed');
    expect(alice).toMatchObject({ adjustmentCents: 1_000, totalCents: 26_000 });
    expect(payroll.table()).toContain('flags: credentials-overdue');
    expect(payroll.table()).toContain('flags: pings-missed');
    expect(json.totalCents).toBe(51_000);
  });
});

describe('a paid month never changes', () => {
  it('a /report week= of the month recorded after it was paid changes neither its preview nor its issue; a /nodes or /wallet from a day in it is refused', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all base ${tx(1)}`));
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ethereum ${tx(2)}`));
    expect(payroll.labels()).toEqual(['payroll/paid']);
    const paid = await preview('2026-11');
    const table = payroll.table();

    gitea().addIssue(PROGRAM_REPO, { number: 41, title: 'Checks', user: 'maint' });
    const late = (login: string, body: string, at: string) =>
      core.handle(commentIn(41, login, body, at, { labels: [], author: 'maint' }));
    await late('bob', '/report uptime=100 tasks=25/25 week=2026-W46', '2026-12-10T10:00:00Z');
    await late('maint', '/nodes @alice 10 from 2026-11-15', '2026-12-10T11:00:00Z');
    await late(
      'maint',
      '/wallet @bob 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed base 2026-11-20',
      '2026-12-10T12:00:00Z',
    );
    await core.fire(/refresh-payroll/);
    const answers = gitea()
      .comments(PROGRAM_REPO, 41)
      .map((c) => c.body)
      .join('\n');
    expect(answers).toContain('Recorded the report for **2026-W46**');
    // Before: both were recorded, with a reply promising pay from 15 and 20 November that never came.
    expect(
      answers.match(
        /2026-11 is paid and closed, so a change cannot take effect in it: write a day from 2026-12-01 on/g,
      ),
    ).toHaveLength(2);
    const histories = await createOperatorStore(redis.client).histories();
    expect(histories.flatMap((h) => h.events.map((e) => e.type))).toEqual(['activated', 'activated']);

    // Before: alice $316.67 (10 nodes from the 15th) and bob $300.00 (a perfect week), on Base.
    const after = await preview('2026-11');
    expect(after).toEqual(paid);
    expect(after.lines.map((line) => [line.operator, line.totalCents])).toEqual([
      ['alice', 25_000],
      ['bob', 25_000],
    ]);
    expect(payroll.table()).toBe(table);
  });
});
