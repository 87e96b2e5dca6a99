import { describe, expect, it } from 'vitest';
import { programConfigSchema } from '../../src/config/program.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, approvedPayroll, commentIn, payrollView, tx } from '../support/payroll.js';
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
      `@maint2 confirmed adjustment ${id}: @maint adjusted @alice by $600.00: \`hardware refund\``, // the reason is shown inert (#14)
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

describe('a paid line never changes', () => {
  it('/adjust, /adjust confirm and /hold on a line paid already are refused, citing the payment; the approvals stand', async () => {
    const config = programConfigSchema.parse({ payroll: { adjustments: { singleMaxCents: 1_000 } } });
    const core = await aMonthOfActivity(redis.client, gitea(), config);
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +20 hardware refund'));
    const id = /\/adjust confirm (\d+)/.exec(payroll.comments().join('\n'))?.[1];
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @alice ${tx(1)}`));

    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +5 on-call cover'));
    await core.handle(commentIn(payroll.number(), 'maint2', `/adjust confirm ${id}`));
    await core.handle(commentIn(payroll.number(), 'maint2', '/hold @alice wallet check'));
    const replies = payroll.comments().join('\n');
    expect(replies.match(/@alice is paid already for 2026-11: \$250\.00 with `0x0101/g)).toHaveLength(3);
    expect(replies).toContain("correct it in a later month's payroll");
    expect(payroll.row('alice')).toContain('**$250.00**');
    expect(payroll.labels()).toEqual(['payroll/approved']);

    // Before: the $25 went on the table, voided the approvals, and the month closed with alice paid $250.
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(2)}`));
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(
      (await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => [p.login, p.cents]),
    ).toEqual([
      ['alice', 25_000],
      ['bob', 25_000],
    ]);
  });
});

describe('a refused /adjust says why', () => {
  it.each([
    ['+0.001', 'the amount `+0.001` is not one'],
    ['+1e9', 'the amount `+1e9` is not one'],
    ['-0', 'the amount `-0` is not one'],
    ['+5,00', 'the amount `+5,00` is not one'],
    ['+10000000', 'the amount `+10000000` is not one: write dollars, not zero, up to 9999999.99'],
  ])(
    'in the approved state, `/adjust @alice %s` names the amount (before: "lines are unpaid")',
    async (amount, why) => {
      const core = await aMonthOfActivity(redis.client, gitea());
      const payroll = await approvedPayroll(core, gitea());
      await core.handle(commentIn(payroll.number(), 'maint', `/adjust @alice ${amount} on-call`));
      const reply = payroll.comments().at(-1) ?? '';
      expect(reply).toContain(why);
      expect(reply).not.toContain('lines are unpaid');
      expect(payroll.labels()).toEqual(['payroll/approved']);
    },
  );

  it('in the approved state, a non-maintainer’s /adjust and /hold are refused for their role', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'bob', '/adjust @bob +5 thanks'));
    await core.handle(commentIn(payroll.number(), 'bob', '/hold @alice mine'));
    const replies = payroll.comments().slice(-2);
    for (const reply of replies) expect(reply).toContain('only a maintainer may use this');
    expect(payroll.row('bob')).toContain('**$250.00**');
  });

  it('/adjust confirm by a writer who is not a maintainer, for an N that does not exist, and again once confirmed: each refused, saying why; /approve by the writer is refused too', async () => {
    const { core, payroll } = await openPayroll();
    gitea().addUser('writer');
    gitea().setPermission(PROGRAM_REPO, 'writer', 'write');
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +600 hardware refund'));
    const id = /\/adjust confirm (\d+)/.exec(payroll.comments().join('\n'))?.[1];
    const last = () => payroll.comments().at(-1) ?? '';
    await core.handle(commentIn(payroll.number(), 'writer', `/adjust confirm ${id}`));
    expect(last()).toContain('only a maintainer may use this');
    await core.handle(commentIn(payroll.number(), 'writer', '/approve'));
    expect(last()).toContain('only a maintainer may use this');
    await core.handle(commentIn(payroll.number(), 'maint2', '/adjust confirm 99'));
    expect(last()).toContain(`there is no pending adjustment 99; pending: \`/adjust confirm ${id}\``);
    await core.handle(commentIn(payroll.number(), 'maint2', `/adjust confirm ${id}`));
    await core.handle(commentIn(payroll.number(), 'maint', `/adjust confirm ${id}`));
    expect(last()).toContain(`there is no pending adjustment ${id} (none is pending)`);
    expect(payroll.row('alice')).toContain('**$850.00**');
    expect(payroll.table()).toContain('**Approvals:** 0 of 2');
  });

  it('`/adjust @alice +$5 cover` is five dollars', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(commentIn(payroll.number(), 'maint', '/adjust @alice +$5 cover'));
    expect(payroll.row('alice')).toContain('**$255.00**');
  });
});
