import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { createReportStore } from '../../src/store/reports.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentPayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { openedIssue } from '../support/opened-issue.js';
import { aMonthOfActivity, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();

let commentId = 90_000;
/** A comment by the account `id`, called `login` at the time (payloads carry both). */
const said = (
  who: { login: string; id: number },
  issue: number,
  body: string,
  at: string,
  labels: string[] = [],
) =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: 'maint', id: 3 } },
    comment: { id: ++commentId, user: who, created_at: at, updated_at: at },
    sender: who,
  });

const BOB = { login: 'bob', id: 42 };
const ROBERT = { login: 'robert', id: 42 };
const NEW_BOB = { login: 'bob', id: 99 };
const MAINT = { login: 'maint', id: 3 };
const MAINT2 = { login: 'maint2', id: 4603 };

/** November's activity with bob as user 42 (records kept by login, as before ids), a chatter issue #40. */
async function withOperatorBob(config = defaultProgramConfig()) {
  gitea().addUser('bob', { id: 42 });
  const core = await aMonthOfActivity(redis.client, gitea(), config);
  gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Ops chatter', user: 'maint' });
  return core;
}

const replyTo = (issue: number) => gitea().comments(PROGRAM_REPO, issue).at(-1)?.body ?? '';

describe('people are their Gitea user id', () => {
  it('a renamed operator keeps role, reports and pay; whoever registers the freed name gets none of it', async () => {
    const core = await withOperatorBob();
    await core.handle(said(BOB, 40, '/report uptime=99.5 tasks=20/25 week=2026-W47', '2026-11-25T09:00:00Z'));
    gitea().renameUser('bob', 'robert');
    gitea().addUser('bob', { id: 99 });

    await core.handle(
      said(NEW_BOB, 40, '/report uptime=100 tasks=25/25 week=2026-W48', '2026-11-30T09:00:00Z'),
    );
    expect(replyTo(40)).toContain('only a registered operator may use this');
    expect(await createReportStore(redis.client).of('bob')).toEqual([]);
    expect(await createOperatorStore(redis.client).get('bob')).toBeUndefined();

    await core.handle(
      said(ROBERT, 40, '/report uptime=100 tasks=25/25 week=2026-W48', '2026-11-30T10:00:00Z'),
    );
    expect(replyTo(40)).not.toContain('only a registered operator');
    const reports = await createReportStore(redis.client).of('robert');
    expect(reports.find((r) => r.report.week === '2026-W48')?.report.uptimePercent).toBe(100);
    expect((await createOperatorStore(redis.client).get('robert'))?.status).toBe('active');

    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    expect(payroll.row('robert')).toContain('$');
    expect(payroll.row('bob')).toBe('');
    // bob's critical alert, acknowledged by him before the rename, is robert's.
    expect(payroll.table()).toContain(
      '- response: 1 critical alert, slowest acknowledged in 10m, within 30m → $20.00',
    );
    await core.handle(said(MAINT, payroll.number(), '/approve', '2026-12-02T10:00:00Z', ['payroll']));
    await core.handle(said(MAINT2, payroll.number(), '/approve', '2026-12-02T10:05:00Z', ['payroll']));
    expect(payroll.labels()).toEqual(['payroll/approved']);

    await core.handle(
      said(MAINT, payroll.number(), `/paid @bob ${tx(21)}`, '2026-12-02T11:00:00Z', ['payroll']),
    );
    expect(replyTo(payroll.number())).toContain('`@\u200Bbob` has no line this month');
    expect(await createPaymentStore(redis.client).inMonth('2026-11')).toEqual([]);

    await core.handle(
      said(MAINT, payroll.number(), `/paid @robert ${tx(22)}`, '2026-12-02T11:05:00Z', ['payroll']),
    );
    const [payment] = await createPaymentStore(redis.client).inMonth('2026-11');
    expect(payment).toMatchObject({ login: 'robert', userId: 42, tx: tx(22) });
    expect(payroll.row('robert')).toContain('✅ paid');
  });

  it('a table computed before a rename pays nobody under the freed name, and is computed again with the new one', async () => {
    const core = await withOperatorBob();
    await core.handle(said(BOB, 40, '/report uptime=99.5 tasks=20/25 week=2026-W47', '2026-11-25T09:00:00Z'));
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(said(MAINT, payroll.number(), '/approve', '2026-12-02T10:00:00Z', ['payroll']));
    await core.handle(said(MAINT2, payroll.number(), '/approve', '2026-12-02T10:05:00Z', ['payroll']));
    expect(payroll.row('bob')).toContain('due');
    gitea().renameUser('bob', 'robert');
    gitea().addUser('bob', { id: 99 });

    await core.handle(
      said(MAINT, payroll.number(), `/paid @bob ${tx(23)}`, '2026-12-02T11:00:00Z', ['payroll']),
    );
    // Shown, not mentioned: the freed name is someone else's now (id 99), who is not notified.
    expect(replyTo(payroll.number())).toContain('`@\u200Bbob` no longer names the operator of that line');
    expect(await createPaymentStore(redis.client).inMonth('2026-11')).toEqual([]);

    expect(await core.fire(/^refresh-payroll-2026-11/)).toBeGreaterThan(0);
    expect(payroll.row('bob')).toBe('');
    expect(payroll.row('robert')).toContain('$');
  });

  it('records kept by login before ids are given to the account Gitea resolves the login to, even after a rename', async () => {
    const core = await withOperatorBob();
    // bob renamed before the bot ever saw user 42: the old name redirects to robert.
    gitea().renameUser('bob', 'robert');
    await core.handle(said(MAINT, 40, '/help', '2026-11-30T08:00:00Z'));
    gitea().addUser('bob', { id: 99 });
    await core.handle(
      said(NEW_BOB, 40, '/report uptime=100 tasks=25/25 week=2026-W48', '2026-11-30T09:00:00Z'),
    );
    expect(replyTo(40)).toContain('only a registered operator may use this');
    await core.handle(
      said(ROBERT, 40, '/report uptime=100 tasks=25/25 week=2026-W48', '2026-11-30T10:00:00Z'),
    );
    expect(replyTo(40)).not.toContain('only a registered operator');
    // The six weeks stored under "bob" before are robert's.
    expect(await createReportStore(redis.client).of('robert')).toHaveLength(6);
  });

  it('a renamed maintainer keeps the role, and approves once whatever the name', async () => {
    const core = await withOperatorBob();
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(said(MAINT, payroll.number(), '/approve', '2026-12-02T10:00:00Z', ['payroll']));
    gitea().renameUser('maint', 'boss');
    await core.handle(
      said({ login: 'boss', id: 3 }, payroll.number(), '/approve', '2026-12-02T10:05:00Z', ['payroll']),
    );
    expect(replyTo(payroll.number())).toContain('you approved already');
    expect(payroll.table()).toContain('**Approvals:** 1 of 2');
    expect(payroll.labels()).toEqual(['payroll/review']);
  });

  it('a maintainer listed in the config keeps the role renamed; the freed name does not give it', async () => {
    const config = defaultProgramConfig();
    config.maintainers.users = ['lead'];
    const core = await withOperatorBob(config);
    gitea().addUser('lead', { id: 500 });
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(
      said({ login: 'lead', id: 500 }, payroll.number(), '/approve', '2026-12-02T10:00:00Z', ['payroll']),
    );
    expect(payroll.table()).toContain('**Approvals:** 1 of 2');
    gitea().renameUser('lead', 'chief');
    gitea().addUser('lead', { id: 501 });

    await core.handle(
      said({ login: 'lead', id: 501 }, payroll.number(), '/approve', '2026-12-02T10:05:00Z', ['payroll']),
    );
    expect(payroll.table()).toContain('**Approvals:** 1 of 2');
    await core.handle(
      said({ login: 'chief', id: 500 }, payroll.number(), '/approve', '2026-12-02T10:10:00Z', ['payroll']),
    );
    expect(replyTo(payroll.number())).toContain('you approved already');
    await core.handle(said(MAINT2, payroll.number(), '/approve', '2026-12-02T10:15:00Z', ['payroll']));
    expect(payroll.labels()).toEqual(['payroll/approved']);
  });

  it('a running alert follows its responsible operator by id: renamed, they still /ack; the freed name may not', async () => {
    const core = await withOperatorBob();
    const at = '2026-11-26T10:00:00Z';
    await core.handle(
      openedIssue(gitea(), {
        number: 41,
        title: 'Gateway down',
        body: 'The gateway stopped answering.',
        label: 'operator-alert',
        by: BOB,
        at: at,
      }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 41)).toContain('alert/open');
    gitea().renameUser('bob', 'robert');
    gitea().addUser('bob', { id: 99 });

    await core.handle(said(NEW_BOB, 41, '/ack', '2026-11-26T10:05:00Z', ['operator-alert']));
    expect(replyTo(41)).toContain('only the responsible operator or a maintainer may use this');
    expect(gitea().issueLabels(PROGRAM_REPO, 41)).toContain('alert/open');

    await core.handle(said(ROBERT, 41, '/ack', '2026-11-26T10:06:00Z', ['operator-alert']));
    expect(gitea().issueLabels(PROGRAM_REPO, 41)).toContain('alert/acknowledged');
    expect(replyTo(41)).toContain('@robert');
  });
});

describe('a timer names the people of a running workflow as Gitea calls them now', () => {
  it('an escalation after an unseen rename mentions the renamed operator, not whoever registered the freed name', async () => {
    const core = await withOperatorBob();
    const at = '2026-11-26T10:00:00Z';
    await core.handle(
      openedIssue(gitea(), {
        number: 42,
        title: 'Gateway down',
        body: 'The gateway stopped answering.',
        label: 'operator-alert',
        by: BOB,
        at: at,
      }),
    );
    // Gitea sends no webhook for a rename or a sign-up: the bot has seen neither when the timer fires.
    gitea().renameUser('bob', 'robert');
    gitea().addUser('bob', { id: 99 });
    expect(await core.fire(/ackDeadline/)).toBe(1);
    const escalation = gitea()
      .comments(PROGRAM_REPO, 42)
      .find((c) => c.body.includes('Escalation level 1'));
    expect(escalation?.body).toContain('@robert');
    expect(escalation?.body).not.toMatch(/@bob\b/);
  });

  it('an escalation after a config maintainer’s unseen rename mentions them by the new login, never the freed name', async () => {
    const config = defaultProgramConfig();
    config.maintainers.users = ['lead'];
    config.escalation.contacts = ['lead', 'fleet/oncall'];
    const core = await withOperatorBob(config);
    gitea().addUser('lead', { id: 500 });
    // The bot learns who `lead` is when lead acts.
    await core.handle(said({ login: 'lead', id: 500 }, 40, '/help', '2026-11-26T09:00:00Z'));
    await core.handle(
      openedIssue(gitea(), {
        number: 43,
        title: 'Gateway down',
        body: 'The gateway stopped answering.',
        label: 'operator-alert',
        by: BOB,
        at: '2026-11-26T10:00:00Z',
      }),
    );
    gitea().renameUser('lead', 'chief');
    gitea().addUser('lead', { id: 501 });
    expect(await core.fire(/ackDeadline/)).toBe(1);
    const escalation = gitea()
      .comments(PROGRAM_REPO, 43)
      .find((c) => c.body.includes('Escalation level 1'));
    expect(escalation?.body).toContain('@chief');
    expect(escalation?.body).toContain('@fleet/oncall');
    expect(escalation?.body).not.toMatch(/@lead\b/);
  });
});

describe('a ping’s reminder names the pinged operator as Gitea calls them now', () => {
  it('after an unseen rename it mentions the renamed operator, not whoever registered the freed name', async () => {
    const core = await withOperatorBob();
    await core.handle(said(MAINT, 40, '/ping @bob is fsn1-b back?', '2026-11-26T10:00:00Z'));
    gitea().renameUser('bob', 'robert');
    gitea().addUser('bob', { id: 99 });
    expect(await core.fire(/^ping-/)).toBe(1);
    const reminder = gitea()
      .comments(PROGRAM_REPO, 40)
      .find((c) => c.body.includes('asked you a question here'));
    expect(reminder?.body).toMatch(/^@robert: /);
  });

  it('names the maintainer who asked by the login they have now, not a freed name', async () => {
    const core = await withOperatorBob();
    await core.handle(said(MAINT, 40, '/ping @bob is fsn1-b back?', '2026-11-26T10:00:00Z'));
    gitea().renameUser('maint', 'maintainer');
    gitea().addUser('maint', { id: 77 });
    expect(await core.fire(/^ping-/)).toBe(1);
    const reminder = gitea()
      .comments(PROGRAM_REPO, 40)
      .find((c) => c.body.includes('asked you a question here'));
    expect(reminder?.body).toContain('@maintainer asked you');
    expect(reminder?.body).not.toMatch(/@maint\b/);
  });
});
