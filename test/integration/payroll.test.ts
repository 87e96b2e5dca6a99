import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentPayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity as monthOfActivity } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
const ETH_WALLET = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const tx = (n: number) => `0x${String(n).padStart(2, '0').repeat(32)}`;

/** November's activity (test/support/payroll.ts), Gitea's clock from the month close on. */
const aMonthOfActivity = () => monthOfActivity(redis.client, gitea());

let commentId = 9000;
/** A comment by `login`; by default written a second after the one before (from 10:00 on Dec 2, Gitea's whole seconds). */
const command = (issue: number, login: string, body: string, at?: string) => {
  const id = ++commentId;
  const written =
    at ?? new Date(Date.parse('2026-12-02T10:00:00Z') + (id - 9000) * 1000).toISOString().replace('.000', '');
  return commentPayload('created', body, {
    issue: { number: issue, labels: [label('payroll')], user: { login: 'operator-bot' } },
    comment: { id, user: { login }, created_at: written, updated_at: written },
    sender: { login },
  });
};
const payrollIssueNumber = () => {
  for (let n = 1; n < 50; n++) if (gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-11') return n;
  throw new Error('no payroll issue');
};
const table = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .find((c) => c.body.includes('operator-bot:state'))?.body ?? '';
const labels = (issue: number) =>
  gitea()
    .issueLabels(PROGRAM_REPO, issue)
    .filter((l) => l.startsWith('payroll'));
const row = (issue: number, login: string) =>
  table(issue)
    .split('\n')
    .find((line) => line.startsWith(`| @${login} |`)) ?? '';

describe('the monthly payroll issue', () => {
  it('opens on the 1st with every amount and its reason, and is edited, not repeated, when opened again', async () => {
    const core = await aMonthOfActivity();
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    expect(await core.fire(/^opened-payroll-2026-11/)).toBe(1);
    const issue = payrollIssueNumber();
    expect(labels(issue).sort()).toEqual(['payroll', 'payroll/review']);
    // alice: 3 nodes, full month: $150 base + $50 uptime (99.8%) + $30 completion (100%) + $20 response (no alerts) = $250.
    // Seven columns (the rest of each line is in the operator's folded details).
    expect(row(issue, 'alice')).toContain('| @alice | active | $150.00 | $100.00 | — | **$250.00** | due |');
    expect(table(issue)).toContain('<details><summary>@alice · $250.00 to base</summary>');
    expect(table(issue)).toContain('3 node(s) registered, active 30/30 days');
    expect(table(issue)).toContain('base $150.00 for 3 node(s) × 30/30 days = $150.00');
    // bob: 7 nodes = $150 + 2 × $25; uptime 99.4% (no bonus); 96% completion; critical alert acknowledged in 10:00.
    expect(row(issue, 'bob')).toContain('| @bob | active | $200.00 | $50.00 | — | **$250.00** | due |');
    expect(table(issue)).toContain(`wallet \`${ETH_WALLET}\` on ethereum`);
    expect(table(issue)).toContain('**Total $500.00**');
    expect(table(issue)).toMatch(/uptime 99\.4%.*no bonus/);
    expect(table(issue)).toContain(`erc20,0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48,${ETH_WALLET},250.00`);
    expect(table(issue)).toContain('operator,status,nodes,active_days,base');

    const report = [1, 2, 3, 4]
      .map((n) => gitea().issue(PROGRAM_REPO, n))
      .find((i) => i?.title === 'Program report 2026-11');
    expect(report?.body).toContain('Program report 2026-11');
    expect(report?.body).toMatch(/active certified operators[\s\S]*⚠️/i);

    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    expect(gitea().requestsTo('POST', '/repos/{owner}/{repo}/issues')).toHaveLength(2);
    expect(
      gitea()
        .comments(PROGRAM_REPO, issue)
        .filter((c) => c.body.includes('operator-bot:state')),
    ).toHaveLength(1);
  });

  it('is adjusted, held, approved by two distinct maintainers, and paid once per line', async () => {
    const core = await aMonthOfActivity();
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const issue = payrollIssueNumber();
    const replies = () =>
      gitea()
        .comments(PROGRAM_REPO, issue)
        .map((c) => c.body)
        .join('\n');

    await core.handle(command(issue, 'maint', '/adjust @alice +10 on-call cover on Nov 28'));
    expect(row(issue, 'alice')).toContain('**$260.00**');
    expect(table(issue)).toContain('@maint adjusted @alice by $10.00: `on-call cover on Nov 28`');

    await core.handle(command(issue, 'maint', '/approve'));
    await core.handle(command(issue, 'maint', '/approve'));
    expect(replies()).toContain('you approved already (1 of 2)');
    expect(labels(issue)).toContain('payroll/review');
    await core.handle(command(issue, 'maint2', '/approve'));
    expect(labels(issue)).toContain('payroll/approved');

    await core.handle(command(issue, 'maint', '/hold @bob wallet changed, verifying'));
    expect(labels(issue)).toContain('payroll/review');
    expect(replies()).toContain('earlier approval(s) are void');
    await core.handle(command(issue, 'alice', '/unhold @bob'));
    expect(row(issue, 'bob')).toContain('⏸ held');
    await core.handle(command(issue, 'maint', '/unhold @bob\n/approve'));
    await core.handle(command(issue, 'maint2', '/approve'));
    expect(labels(issue)).toContain('payroll/approved');

    await core.handle(command(issue, 'maint', `/paid @alice ${tx(1)}`));
    await core.handle(command(issue, 'maint', `/paid @alice ${tx(2)}`));
    expect(replies()).toContain('@alice is paid already');
    await core.handle(command(issue, 'maint', '/paid all not-a-transaction'));
    expect(labels(issue)).toContain('payroll/approved');
    await core.handle(command(issue, 'maint', `/paid all ${tx(3)}`));
    expect(labels(issue)).toContain('payroll/paid');
    expect(gitea().issue(PROGRAM_REPO, issue)?.state).toBe('closed');
    const payments = await createPaymentStore(redis.client).inMonth('2026-11');
    expect(payments.map((p) => [p.login, p.cents, p.tx]).sort()).toEqual([
      ['alice', 26000, tx(1)],
      ['bob', 25000, tx(3)],
    ]);
  });
});

describe('partner commissions', () => {
  it('holds a partner’s commission until the partner report is filed, then releases it in the issue', async () => {
    const core = await aMonthOfActivity();
    const registry = createOperatorStore(redis.client);
    await registry.put(
      activeOperator('alice', { activatedAt: '2026-10-15T09:00:00.000Z', nodes: 3, referrer: 'bob' }),
    );
    await registry.put(
      activeOperator('carol', { activatedAt: '2026-09-01T09:00:00.000Z', nodes: 1, referrer: 'bob' }),
    );
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const issue = payrollIssueNumber();
    // bob qualifies: 2 referrals active, certified 10 months, uptime 99.4% > 99%. 20% of alice's $250 = $50;
    // carol has no reports: $150 base + $20 response = $170 → $34.
    expect(table(issue)).toContain('**Partner statement · @bob** (qualified');
    expect(table(issue)).toContain('| @alice | 2 | $150.00 | $100.00 | $50.00 |');
    expect(table(issue)).toContain('Total due: **$84.00** — held until @bob files');
    expect(row(issue, 'bob')).toContain('| $84.00 |');
    const statement = gitea()
      .comments(PROGRAM_REPO, issue)
      .find((c) => c.body.includes('operator-bot:note partner-statement-bob'));
    expect(statement?.body).toContain(
      '@bob, your partner statement for 2026-11: @alice (month 2 of 12): 20% of $250.00 = $50.00',
    );
    expect(statement?.body).toContain('/partner-report 2026-11');

    gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'November partner report', user: 'bob' });
    await core.handle(
      commentPayload('created', '/partner-report 2026-11', {
        issue: { number: 40, labels: [], user: { login: 'bob' } },
        comment: {
          id: 9999,
          user: { login: 'bob' },
          created_at: '2026-12-03T10:00:00Z',
          updated_at: '2026-12-03T10:00:00Z',
        },
        sender: { login: 'bob' },
      }),
    );
    await core.fire(/^refresh-payroll-2026-11/);
    expect(table(issue)).toContain('Total due: **$84.00**\n');
    expect(table(issue)).toContain('recomputed: payable $670.00 → $754.00');
  });

  it('runs no money command quoted lazily, fenced or in a <pre> block', async () => {
    const core = await aMonthOfActivity();
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const issue = payrollIssueNumber();
    await core.handle(command(issue, 'maint', '/approve'));
    await core.handle(command(issue, 'maint2', '> Did you check bob?\n/approve'));
    await core.handle(command(issue, 'maint2', '````\n```\n/approve\n```\n````'));
    expect(labels(issue)).toContain('payroll/review');
    await core.handle(command(issue, 'maint2', 'Checked.\u2028/approve'));
    expect(labels(issue)).toContain('payroll/approved');

    const unpaid = row(issue, 'alice');
    await core.handle(command(issue, 'maint', `<pre>\n/paid @alice ${tx(1)}\n</pre>`));
    expect(row(issue, 'alice')).toBe(unpaid);
    await core.handle(command(issue, 'maint', `/paid @alice ${tx(1)}`));
    expect(row(issue, 'alice')).not.toBe(unpaid);
  });
});
