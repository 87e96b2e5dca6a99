import { describe, expect, it } from 'vitest';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, approvedPayroll, commentIn, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
const ledger = async () =>
  (await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => [p.login, p.cents, p.tx, p.chain]);

/** `/terminate @bob` on 20 November in issue 3: the termination issue opens with his final payment. */
async function terminateBob(core: Awaited<ReturnType<typeof aMonthOfActivity>>) {
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Security incident', user: 'maint' });
  await core.handle(
    commentIn(3, 'maint', '/terminate @bob leaked the fleet API key', '2026-11-20T12:00:00Z', {
      labels: [],
      author: 'maint',
    }),
  );
  await core.fire(/^opened-termination-bob/);
  for (let n = 1; n < 60; n++) if (gitea().issue(PROGRAM_REPO, n)?.title === 'Termination: @bob') return n;
  throw new Error('no termination issue');
}
const inTermination = (issue: number, body: string, at: string) =>
  commentIn(issue, 'maint', body, at, { labels: ['exit-notice'], author: 'operator-bot' });
const exitLabels = (issue: number) =>
  gitea()
    .issueLabels(PROGRAM_REPO, issue)
    .filter((l) => l.startsWith('exit/'));
const replies = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .map((c) => c.body)
    .join('\n');

describe('a transaction pays lines on one chain', () => {
  it('/paid all TX refuses when the unpaid lines span chains and names them; /paid all CHAIN TX pays that chain only', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(7)}`));
    expect(payroll.comments().join('\n')).toContain(
      'the unpaid lines are on base (@alice) and ethereum (@bob), and a transaction is on one chain',
    );
    expect(await ledger()).toEqual([]);

    await core.handle(commentIn(payroll.number(), 'maint', `/paid all base ${tx(7)}`));
    expect(await ledger()).toEqual([['alice', 25_000, tx(7), 'base']]);
    expect(payroll.labels()).toEqual(['payroll/approved']);

    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(7)}`));
    expect(payroll.comments().join('\n')).toContain('a transaction is on one chain, not ethereum');

    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(8)}`));
    expect(await ledger()).toEqual([
      ['alice', 25_000, tx(7), 'base'],
      ['bob', 25_000, tx(8), 'ethereum'],
    ]);
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(payroll.state()).toBe('closed');
  });
});

describe('one ledger per operator and month, for the exit and the payroll', () => {
  it('bob terminated on 20 November and paid in the November payroll: a second /paid in the termination issue is refused, citing the first, and the exit is settled by it', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const termination = await terminateBob(core);
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(12)}`, '2026-12-03T10:00:00Z'));
    const [paid] = await createPaymentStore(redis.client).inMonth('2026-11');
    expect(paid).toMatchObject({ login: 'bob', tx: tx(12) });

    await core.handle(inTermination(termination, `/paid ${tx(13)}`, '2026-12-04T10:00:00Z'));
    expect(replies(termination)).toContain(`@bob is paid already for 2026-11: $${(paid?.cents ?? 0) / 100}`);
    expect(replies(termination)).toContain(`\`${tx(12)}\` in ${PROGRAM_REPO}#${payroll.number()}`);
    expect(replies(termination)).toContain(`\`${tx(13)}\` is not recorded`);
    expect(await ledger()).toHaveLength(1);
    expect(exitLabels(termination)).toEqual(['exit/done']);
    expect(gitea().issue(PROGRAM_REPO, termination)?.state).toBe('closed');
  });

  it('a transaction recorded at an exit is refused in the payroll, naming where it was used; the exit payment shows as paid', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const termination = await terminateBob(core);
    await core.handle(inTermination(termination, `/paid ${tx(5)}`, '2026-11-21T10:00:00Z'));
    expect(exitLabels(termination)).toEqual(['exit/done']);
    const payroll = await approvedPayroll(core, gitea());
    expect(payroll.row('bob')).toContain(`✅ paid`);
    expect(payroll.row('bob')).toContain(`in ${PROGRAM_REPO}#${termination}`);

    await core.handle(commentIn(payroll.number(), 'maint', `/paid @alice ${tx(5)}`));
    expect(payroll.comments().join('\n')).toContain(
      `\`${tx(5)}\` is recorded already, for @bob's 2026-11 pay (`,
    );
    expect(payroll.comments().join('\n')).toContain(`in ${PROGRAM_REPO}#${termination}`);
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(6)}`));
    expect(payroll.comments().join('\n')).toContain('@bob is paid already for 2026-11');

    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(6)}`));
    expect((await ledger()).map(([login, , hash]) => [login, hash])).toEqual([
      ['alice', tx(6)],
      ['bob', tx(5)],
    ]);
    expect(payroll.labels()).toEqual(['payroll/paid']);
  });
});

describe('two issues paying the same line at once', () => {
  it('/paid in the termination issue and /paid @bob in the payroll, handled concurrently: one payment stands, the other is refused citing it, whatever the case of the hash', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const termination = await terminateBob(core);
    const payroll = await approvedPayroll(core, gitea());
    const atExit = inTermination(termination, `/paid 0x${'ab'.repeat(32)}`, '2026-12-02T10:00:00Z');
    const inPayroll = commentIn(payroll.number(), 'maint', `/paid @bob ${tx(6)}`, '2026-12-02T10:00:00Z');
    const tries = await Promise.allSettled([core.handle(atExit), core.handle(inPayroll)]);
    // The job the ledger refused at write time is retried, as BullMQ would, and decides again.
    for (const [i, outcome] of tries.entries())
      if (outcome.status === 'rejected') await core.handle(i === 0 ? atExit : inPayroll);
    const paid = await ledger();
    expect(paid).toHaveLength(1);
    const refusals = `${replies(termination)}\n${payroll.comments().join('\n')}`;
    expect(refusals).toContain('@bob is paid already for 2026-11');

    // The hash that stands, in capitals: refused for alice (another issue, or another chain), not recorded twice.
    const used = String(paid[0]?.[2]);
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @alice 0x${used.slice(2).toUpperCase()}`));
    expect(payroll.comments().at(-1)).toContain(`is recorded already`);
    expect(await ledger()).toEqual(paid);
  });
});

describe('the state follows the ledger', () => {
  const CLOSE = /^\/repos\/fleet\/program\/issues\/\d+$/;

  async function paidButNotClosed() {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all base ${tx(1)}`));
    gitea().failNext({ method: 'PATCH', path: CLOSE, status: 500, times: 1_000 });
    const last = commentIn(payroll.number(), 'maint', `/paid all ${tx(2)}`, '2026-12-02T11:00:00Z');
    await expect(core.handle(last)).rejects.toThrow();
    await expect(core.handle(last)).rejects.toThrow();
    gitea().clearFaults();
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(payroll.state()).toBe('open');
    expect(await ledger()).toHaveLength(2);
    return { core, payroll, last };
  }

  it('closing failed with 500 on every try after the payments and the label were written: the retried job finishes (closed, paid)', async () => {
    const { core, payroll, last } = await paidButNotClosed();
    await core.handle(last);
    expect(payroll.state()).toBe('closed');
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(payroll.comments().join('\n')).not.toContain('every payable line is paid already');
    expect(payroll.table()).toContain('Payroll 2026-11 · Paid');
  });

  it('a maintainer repeating /paid all TX after the failure finishes it too', async () => {
    const { core, payroll } = await paidButNotClosed();
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(2)}`, '2026-12-02T12:00:00Z'));
    expect(payroll.state()).toBe('closed');
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(await ledger()).toHaveLength(2);
  });

  it('a later /adjust does not move the paid month back to review: the month closes, the adjustment is refused', async () => {
    const { core, payroll } = await paidButNotClosed();
    await core.handle(
      commentIn(payroll.number(), 'maint', '/adjust @alice +10 late bonus', '2026-12-05T09:00:00Z'),
    );
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(payroll.state()).toBe('closed');
    expect(payroll.comments().join('\n')).toContain('a closed month never changes');
    expect(payroll.row('alice')).toContain('**$250.00**');
    await core.handle(
      commentIn(payroll.number(), 'maint', '/adjust @alice +10 late bonus', '2026-12-05T09:01:00Z'),
    );
    expect(payroll.labels()).toEqual(['payroll/paid']);
  });
});
