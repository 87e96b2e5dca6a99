import { describe, expect, it, vi } from 'vitest';
import { runOperatorHistory } from '../../src/cli/operator-history.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { payrollInput } from '../../src/domain/payroll/assemble.js';
import { computePayroll } from '../../src/domain/payroll/index.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPartnerReportStore } from '../../src/store/partner-reports.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { createReportStore } from '../../src/store/reports.js';
import { loadPayrollSources } from '../../src/workflows/payroll/sources.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
const registry = () => createOperatorStore(redis.client);
const tx = (n: number) => `0x${String(n).padStart(2, '0').repeat(32)}`;

let commentId = 7000;
const comment = (issue: number, login: string, body: string, at: string, labels: string[]) =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: 'alice' } },
    comment: { id: ++commentId, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
const exitComment = (login: string, body: string, at: string) =>
  comment(20, login, body, at, ['exit-notice']);
const rows = (issue: number, login: string) =>
  (
    gitea()
      .comments(PROGRAM_REPO, issue)
      .find((c) => c.body.includes('operator-bot:state'))?.body ?? ''
  )
    .split('\n')
    .filter((line) => line.startsWith(`| @${login} |`));
/** The folded details of each of `login`'s lines (the summary table has seven columns, issue #18). */
const details = (issue: number, login: string) =>
  (
    gitea()
      .comments(PROGRAM_REPO, issue)
      .find((c) => c.body.includes('operator-bot:state'))?.body ?? ''
  )
    .split('<details><summary>')
    .filter((part) => part.startsWith(`@${login}`))
    .map((part) => part.slice(0, part.indexOf('</details>')));
const issueTitled = (title: string) => {
  for (let n = 1; n < 50; n++) if (gitea().issue(PROGRAM_REPO, n)?.title === title) return n;
  throw new Error(`no issue ${title}`);
};

describe('an operator who exits and is activated again in the same month', () => {
  it('keeps the exit payment, shows the new 12-day line ($78.06) unpaid, and /paid @a pays it', async () => {
    seedProgram(gitea());
    gitea().addUser('maint2');
    gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
    // A registry record from before the history: active since June 2025.
    await registry().put(activeOperator('alice', { activatedAt: '2025-06-01T09:00:00.000Z', nodes: 1 }));
    const core = testCore(redis.client, gitea());

    // The exit: notice on 8 February, last day 10 March, checklist done, final payment recorded.
    gitea().addIssue(PROGRAM_REPO, {
      number: 20,
      title: 'Exit notice: alice',
      user: 'alice',
      labels: ['exit-notice'],
    });
    await core.handle(
      issuePayload('opened', {
        number: 20,
        issue: {
          number: 20,
          title: 'Exit notice: alice',
          body: '',
          labels: [label('exit-notice')],
          user: { login: 'alice' },
          created_at: '2026-02-08T10:00:00Z',
          updated_at: '2026-02-08T10:00:00Z',
        },
        sender: { login: 'alice' },
      }),
    );
    await core.handle(
      exitComment(
        'alice',
        '/done access\n/done tasks\n/done credentials\n/done report',
        '2026-02-20T10:00:00Z',
      ),
    );
    await core.handle(exitComment('maint', '/confirm access\n/confirm credentials', '2026-02-21T10:00:00Z'));
    expect(await core.fire(/lastDay/)).toBe(1);
    await core.handle(exitComment('maint', `/paid ${tx(1)}`, '2026-03-12T09:00:00Z'));
    expect(await registry().get('alice')).toMatchObject({
      status: 'exited',
      endedAt: '2026-03-10T10:00:00.000Z',
    });

    // Activated again on 20 March (what the onboarding workflow appends at the end of certification).
    await registry().append('alice', {
      id: 'activated:fleet/program#30',
      type: 'activated',
      at: '2026-03-20T10:00:00.000Z',
      handle: 'alice',
      wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      chain: 'base',
      nodes: 1,
      region: 'fsn1',
      applicationIssue: 'fleet/program#30',
    });
    expect(await registry().get('alice')).toMatchObject({ status: 'active', stints: 2 });

    // Gitea's own stamps (the bot's status writes an `/approve` is weighed against) in this story's time.
    gitea().clockFrom('2026-04-01T06:00:00Z');
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-04-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-03/);
    const issue = issueTitled('Payroll 2026-03');
    const [exitRow, newRow] = rows(issue, 'alice');
    expect(exitRow).toContain('| @alice | exited |');
    expect(details(issue, 'alice')[0]).toContain('1 node(s) registered, active 10/31 days');
    expect(exitRow).toContain('✅ paid at exit');
    // 15000 × 12 / 31 = 5806.45 → $58.06, + $20 response bonus (no critical alerts) = $78.06.
    expect(newRow).toContain('| active | $58.06 |');
    expect(details(issue, 'alice')[1]).toContain('1 node(s) registered, active 12/31 days');
    expect(newRow).toContain('**$78.06** | due |');
    const reasons = gitea()
      .comments(PROGRAM_REPO, issue)
      .find((c) => c.body.includes('operator-bot:state'))?.body;
    expect(reasons).toContain('<details><summary>@alice (from 2026-03-20) · $78.06 to base</summary>');
    expect(details(issue, 'alice')[1]).toContain('- base $150.00 for 1 node(s) × 12/31 days = $58.06');

    await core.handle(comment(issue, 'maint', '/approve', '2026-04-02T09:00:00Z', ['payroll']));
    await core.handle(comment(issue, 'maint2', '/approve', '2026-04-02T09:30:00Z', ['payroll']));
    await core.handle(comment(issue, 'maint', `/paid @alice ${tx(2)}`, '2026-04-02T10:00:00Z', ['payroll']));
    expect(rows(issue, 'alice')[1]).toContain('✅ paid');
    const payments = await createPaymentStore(redis.client).inMonth('2026-03');
    expect(payments.map((p) => [p.login, p.line ?? p.login, p.tx]).sort()).toEqual([
      ['alice', 'alice', tx(1)],
      ['alice', 'alice@2026-03-20', tx(2)],
    ]);
    expect(payments.find((p) => p.tx === tx(2))?.cents).toBe(7806);

    // August 2025, recomputed now, still has alice's whole month at $150.00 base.
    const august = computePayroll(
      payrollInput(
        '2025-08',
        await loadPayrollSources('2025-08', {
          registry: registry(),
          reports: createReportStore(redis.client),
          alerts: createAlertStore(redis.client),
          partnerReports: createPartnerReportStore(redis.client),
        }),
        defaultProgramConfig(),
      ),
    );
    expect(august.lines).toHaveLength(1);
    expect(august.lines[0]).toMatchObject({ operator: 'alice', activeDays: 31, baseCents: 15_000 });
  });
});

describe('a node count changed from a day', () => {
  it('is asked for by the operator, confirmed by a maintainer, and pro-rated on the payroll line', async () => {
    seedProgram(gitea());
    await registry().put(activeOperator('bob', { activatedAt: '2026-01-01T09:00:00.000Z', nodes: 3 }));
    const core = testCore(redis.client, gitea());
    gitea().addIssue(PROGRAM_REPO, { number: 5, title: 'More nodes', user: 'bob' });
    await core.handle(comment(5, 'bob', '/nodes 7 from 2026-11-15', '2026-11-14T08:00:00Z', []));
    expect((await registry().get('bob'))?.pendingNodes).toMatchObject({ nodes: 7, from: '2026-11-15' });
    await core.handle(comment(5, 'maint', '/nodes @bob confirm', '2026-11-14T12:00:00Z', []));
    const bob = await registry().get('bob');
    expect(bob?.nodes).toBe(7);
    expect(bob?.pendingNodes).toBeUndefined();
    expect(
      gitea()
        .comments(PROGRAM_REPO, 5)
        .map((c) => c.body)
        .join('\n'),
    ).toContain('@bob runs 7 node(s) from 2026-11-15 (was 3)');

    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const issue = issueTitled('Payroll 2026-11');
    // 14 days at 3 nodes ($150) and 16 at 7 ($200): (15000×14 + 20000×16) / 30 = 17666.67 → $176.67.
    expect(rows(issue, 'bob')[0]).toContain('| active | $176.67 |');
    expect(details(issue, 'bob')[0]).toContain(
      '3 → 7 (from 2026-11-15) node(s) registered, active 30/30 days',
    );
    const status = gitea()
      .comments(PROGRAM_REPO, issue)
      .find((c) => c.body.includes('operator-bot:state'))?.body;
    expect(status).toContain(
      'base $150.00 for 3 node(s) × 14/30 days (2026-11-01–2026-11-14) + $200.00 for 7 node(s) × 16/30 days (2026-11-15–2026-11-30) = $176.67',
    );

    // `operator-bot operators history bob` lists what happened, as recorded.
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    try {
      expect(
        await runOperatorHistory(loadEnv({ REDIS_URL: redis.url }, 'tool'), 'bob', { json: false }),
      ).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(printed.join('\n')).toMatch(/2026-11-14 08:00\s+@bob\s+asked for 7 node\(s\) from 2026-11-15/);
    expect(printed.join('\n')).toMatch(/2026-11-14 12:00\s+@maint\s+7 node\(s\) from 2026-11-15/);
  });
});

describe('a node change reaching into the month under review', () => {
  it('recomputes that month’s open payroll issue', async () => {
    seedProgram(gitea());
    await registry().put(activeOperator('bob', { activatedAt: '2026-01-01T09:00:00.000Z', nodes: 3 }));
    const core = testCore(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const issue = issueTitled('Payroll 2026-11');
    expect(rows(issue, 'bob')[0]).toContain('| active | $150.00 |');
    expect(details(issue, 'bob')[0]).toContain('3 node(s) registered, active 30/30 days');

    await core.handle(
      comment(issue, 'maint', '/nodes @bob 7 from 2026-11-15', '2026-12-02T09:00:00Z', ['payroll']),
    );
    expect(await core.fire(/^refresh-payroll-2026-11/)).toBe(1);
    expect(rows(issue, 'bob')[0]).toContain('| active | $176.67 |');
    expect(details(issue, 'bob')[0]).toContain(
      '3 → 7 (from 2026-11-15) node(s) registered, active 30/30 days',
    );
  });
});
