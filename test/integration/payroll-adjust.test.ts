import { describe, expect, it } from 'vitest';
import { programConfigSchema } from '../../src/config/program.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, payrollView } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();

async function openPayroll(config = programConfigSchema.parse({})) {
  const core = await aMonthOfActivity(redis.client, gitea(), config);
  await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
  await core.fire(/^opened-payroll-2026-11/);
  return { core, payroll: payrollView(gitea()) };
}

describe('/adjust has ceilings', () => {
  it('ten adjustments of $9,999,999.99 by one maintainer change nothing: each waits for a second maintainer', async () => {
    const { core, payroll } = await openPayroll();
    for (let i = 0; i < 10; i++) {
      await core.handle(commentIn(payroll.number(), 'maint', `/adjust @alice +9999999.99 bonus ${i}`));
    }
    expect(payroll.row('alice')).toContain('**$250.00**');
    expect(payroll.table()).toContain('**Total $500.00**');
    const replies = payroll.comments().join('\n');
    expect(replies).toContain(
      '$9999999.99 on @alice is above the ceiling of $500.00 per adjustment (payroll.adjustments.singleMaxCents), so it needs a second maintainer',
    );
    expect(replies).toContain('Nothing changed yet.');
  });

  it('above a ceiling, the same maintainer cannot confirm; a second, distinct maintainer can', async () => {
    const { core, payroll } = await openPayroll();
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +600 hardware refund'));
    const id = /\/adjust confirm (\d+)/.exec(payroll.comments().join('\n'))?.[1];
    expect(id).toBeDefined();
    await core.handle(commentIn(payroll.number(), 'maint', `/adjust confirm ${id}`));
    expect(payroll.comments().join('\n')).toContain('a second, distinct maintainer must confirm it');
    expect(payroll.row('alice')).toContain('**$250.00**');
    await core.handle(commentIn(payroll.number(), 'maint2', `/adjust confirm ${id}`));
    expect(payroll.row('alice')).toContain('**$850.00**');
    expect(payroll.table()).toContain(
      `@maint2 confirmed adjustment ${id}: @maint adjusted @alice by $600.00: hardware refund`,
    );
    await core.handle(commentIn(payroll.number(), 'maint2', `/adjust confirm ${id}`));
    expect(payroll.row('alice')).toContain('**$850.00**');
  });

  it('small adjustments pass until their sum on the line reaches the line ceiling', async () => {
    const config = programConfigSchema.parse({
      payroll: { adjustments: { singleMaxCents: 10_000, lineMaxCents: 25_000 } },
    });
    const { core, payroll } = await openPayroll(config);
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @bob +100 on-call'));
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @bob +100 on-call'));
    expect(payroll.row('bob')).toContain('**$450.00**');
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @bob +100 on-call'));
    expect(payroll.row('bob')).toContain('**$450.00**');
    expect(payroll.comments().join('\n')).toContain(
      "it takes @bob's adjustments to $300.00, above the ceiling of $250.00 per line (payroll.adjustments.lineMaxCents)",
    );
  });
});
