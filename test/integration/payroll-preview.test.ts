import { describe, expect, it, vi } from 'vitest';
import { runPayrollPreview } from '../../src/cli/payroll.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, payrollView } from '../support/payroll.js';
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
