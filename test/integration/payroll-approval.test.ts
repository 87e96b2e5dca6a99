import { describe, expect, it } from 'vitest';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, approvedPayroll, commentIn, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();

/** bob re-reports five November weeks at uptime 100 and tasks 25/25, in an issue of his own. */
async function bobReReports(core: Awaited<ReturnType<typeof aMonthOfActivity>>) {
  gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Weekly reports', user: 'bob' });
  for (const week of ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']) {
    await core.handle(
      commentIn(40, 'bob', `/report uptime=100 tasks=25/25 week=${week}`, '2026-12-03T09:00:00Z', {
        labels: [],
        author: 'bob',
      }),
    );
  }
}

describe('an approval is of a snapshot', () => {
  it('a late report after approval voids the approvals with one comment naming what changed and the new amounts', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    expect(payroll.labels()).toEqual(['payroll/approved']);
    expect(payroll.row('bob')).toContain('**$250.00**');

    await bobReReports(core);
    expect(await core.fire(/^refresh-payroll-2026-11/)).toBeGreaterThan(0);

    const voids = payroll.comments().filter((c) => c.includes('approval(s) are void'));
    expect(voids).toHaveLength(1);
    expect(voids[0]).toContain('@bob: $250.00 → $300.00');
    expect(voids[0]).toContain('uptime 99.98%');
    expect(voids[0]).toContain('payable now $550.00');
    expect(payroll.labels()).toEqual(['payroll/review']);
    expect(payroll.row('bob')).toContain('**$300.00**');
    expect(payroll.table()).toContain('**Approvals:** 0 of 2');

    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(12)}`));
    expect(await createPaymentStore(redis.client).inMonth('2026-11')).toEqual([]);
  });

  it('/paid on the approved snapshot records the snapshot’s amount, not a recomputation', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await bobReReports(core);
    // The refresh has not run yet: the table maintainers approved still stands.
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(12)}`, '2026-12-03T09:05:00Z'));
    const [payment] = await createPaymentStore(redis.client).inMonth('2026-11');
    expect(payment).toMatchObject({ login: 'bob', cents: 25_000, tx: tx(12), chain: 'ethereum' });
    expect(payroll.row('bob')).toContain('✅ paid $250.00');

    await core.fire(/^refresh-payroll-2026-11/);
    expect(payroll.labels()).toEqual(['payroll/review']);
    expect(payroll.row('bob')).toContain('✅ paid $250.00');
    expect((await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => p.cents)).toEqual([25_000]);
  });

  it('a refresh with nothing new leaves the approvals and writes nothing', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    gitea().addIssue(PROGRAM_REPO, { number: 41, title: 'Weekly reports', user: 'bob' });
    // The week of 7–13 December: an input, but not of November.
    await core.handle(
      commentIn(41, 'bob', '/report uptime=90 tasks=1/25', '2026-12-15T09:00:00Z', {
        labels: [],
        author: 'bob',
      }),
    );
    const edits = gitea().requestsTo('PATCH', '/repos/{owner}/{repo}/issues/comments/{id}').length;
    await core.fire(/^refresh-payroll-2026-11/);
    expect(payroll.labels()).toEqual(['payroll/approved']);
    expect(gitea().requestsTo('PATCH', '/repos/{owner}/{repo}/issues/comments/{id}')).toHaveLength(edits);
  });

  it('a credentials rotation after the month leaves the month’s flags and its approvals as they were', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    expect(payroll.table()).toContain('flags: credentials-overdue');
    gitea().addIssue(PROGRAM_REPO, { number: 42, title: 'Chat', user: 'bob' });
    await core.handle(
      commentIn(42, 'bob', '/rotated', '2026-12-03T09:00:00Z', { labels: [], author: 'bob' }),
    );
    await core.fire(/^refresh-payroll-2026-11/);
    expect(payroll.labels()).toEqual(['payroll/approved']);
    expect(payroll.table()).toContain('flags: credentials-overdue');
    expect(payroll.comments().some((c) => c.includes('approval(s) are void'))).toBe(false);
  });

  const NEW_WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';
  it.each<[string, (core: Awaited<ReturnType<typeof aMonthOfActivity>>) => Promise<void>, string]>([
    [
      'a wallet change reaching into the month',
      (core) =>
        core.handle(
          commentIn(43, 'maint', `/wallet @alice ${NEW_WALLET} base 2026-11-01`, '2026-12-03T09:00:00Z', {
            labels: [],
            author: 'maint',
          }),
        ),
      `@alice: wallet base 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed → base ${NEW_WALLET}`,
    ],
    [
      'a node change reaching into the month',
      (core) =>
        core.handle(
          commentIn(43, 'maint', '/nodes @alice 7 from 2026-11-16', '2026-12-03T09:00:00Z', {
            labels: [],
            author: 'maint',
          }),
        ),
      '@alice: $250.00 → $275.00',
    ],
    [
      'a new critical alert of the month, never acknowledged',
      async (core) => {
        gitea().addIssue(PROGRAM_REPO, {
          number: 44,
          title: 'Gateway down',
          user: 'alice',
          labels: ['operator-alert'],
        });
        await core.handle(
          issuePayload('opened', {
            number: 44,
            issue: {
              number: 44,
              title: 'Gateway down on node-1',
              body: 'The gateway stopped answering.',
              labels: [label('operator-alert')],
              user: { login: 'alice' },
              created_at: '2026-11-29T10:00:00Z',
              updated_at: '2026-11-29T10:00:00Z',
            },
            sender: { login: 'alice' },
          }),
        );
      },
      '@alice: $250.00 → $230.00',
    ],
  ])('%s voids the approvals with one comment saying what changed', async (_what, change, said) => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    gitea().addIssue(PROGRAM_REPO, { number: 43, title: 'Registry', user: 'maint' });
    await change(core);
    await core.fire(/^refresh-payroll-2026-11/);
    const voids = payroll.comments().filter((c) => c.includes('approval(s) are void'));
    expect(voids).toHaveLength(1);
    expect(voids[0]).toContain(said);
    expect(payroll.labels()).toEqual(['payroll/review']);
  });
});

describe('a paid line keeps the amounts it was paid from', () => {
  it('bob paid $250.00, then re-reports his weeks: his row stays $250.00 ✅, the void comment says the $300.00 recomputed belongs in a later month, and the month closes on what was paid', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    await core.handle(commentIn(payroll.number(), 'maint', `/paid @bob ${tx(12)}`));
    expect(payroll.row('bob')).toContain('✅ paid $250.00');

    await bobReReports(core);
    await core.fire(/^refresh-payroll-2026-11/);
    // Before: the row said **$300.00** next to "✅ paid $250.00", and the total counted $300.00.
    expect(payroll.row('bob')).toContain('**$250.00**');
    expect(payroll.row('bob')).toContain('✅ paid $250.00');
    expect(payroll.table()).toContain('**Total $500.00**');
    const voids = payroll.comments().filter((c) => c.includes('approval(s) are void'));
    expect(voids).toHaveLength(1);
    expect(voids[0]).toContain(
      "@bob is paid already ($250.00), so the line stays as paid; recomputed it would be $300.00: `/adjust` the difference in a later month's payroll",
    );

    // Written after the re-reports' refresh (Dec 3), not in its second.
    await core.handle(commentIn(payroll.number(), 'maint', '/approve', '2026-12-03T10:00:00Z'));
    await core.handle(commentIn(payroll.number(), 'maint2', '/approve', '2026-12-03T10:00:01Z'));
    await core.handle(commentIn(payroll.number(), 'maint', `/paid all ${tx(13)}`, '2026-12-03T10:00:02Z'));
    expect(payroll.labels()).toEqual(['payroll/paid']);
    expect(
      (await createPaymentStore(redis.client).inMonth('2026-11')).map((p) => [p.login, p.cents]),
    ).toEqual([
      ['alice', 25_000],
      ['bob', 25_000],
    ]);
  });
});

describe('an approval is of the table its author saw', () => {
  it('an /approve written before a late report changed the table, but handled after it (delivered late, or retried after a 500), is refused', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await core.handle(commentIn(payroll.number(), 'maint', '/approve', '2026-12-03T08:00:00Z'));
    await bobReReports(core); // at 09:00
    await core.fire(/^refresh-payroll-2026-11/);
    expect(payroll.row('bob')).toContain('**$300.00**');

    await core.handle(commentIn(payroll.number(), 'maint2', '/approve', '2026-12-03T08:59:00Z'));
    expect(payroll.comments().at(-1)).toContain(
      'not recorded: the table changed after this comment (2026-12-03 08:59 UTC); the table as it stands is shown since 2026-12-03 09:00 UTC: review it and `/approve` again.',
    );
    expect(payroll.table()).toContain('**Approvals:** 0 of 2');

    await core.handle(commentIn(payroll.number(), 'maint2', '/approve', '2026-12-03T09:30:00Z'));
    expect(payroll.table()).toContain('**Approvals:** 1 of 2');
  });

  // Gitea's times are whole seconds: a comment stamped with the second the table changed in may
  // have been written before the change.
  it('an /approve written in the very second the table changed is refused too', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    await bobReReports(core); // at 09:00
    await core.fire(/^refresh-payroll-2026-11/);
    await core.handle(commentIn(payroll.number(), 'maint2', '/approve', '2026-12-03T09:00:00Z'));
    expect(payroll.comments().at(-1)).toContain(
      'not recorded: the table changed after this comment (2026-12-03 09:00 UTC); the table as it stands is shown since 2026-12-03 09:00 UTC:',
    );
    expect(payroll.table()).toContain('**Approvals:** 0 of 2');
  });
});

// Gitea lets anyone with write access edit anyone's comment (routers/api/v1/repo/issue_comment.go
// editIssueComment), the bot's status comment included; its signed marker covers the marker only.
/**
 * dave, with write access, edits the bot's status comment of the payroll issue in Gitea's API
 * (as a person in the web UI would): `change` turns its body into his. Returns the comment as
 * the bot wrote it and the body dave left.
 */
async function daveEdits(payroll: ReturnType<typeof payrollView>, change: (body: string) => string) {
  const g = gitea();
  g.addUser('dave', { password: 'dave-password' });
  g.setPermission(PROGRAM_REPO, 'dave', 'write');
  const status = g
    .comments(PROGRAM_REPO, payroll.number())
    .find((c) => c.body.includes('operator-bot:state'));
  const tampered = change(status?.body ?? '');
  expect(tampered).not.toBe(status?.body);
  const editing = await fetch(`${g.baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/comments/${status?.id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Basic ${Buffer.from('dave:dave-password').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ body: tampered }),
  });
  expect(editing.status).toBe(200);
  return { status, tampered };
}

describe('an approval is of the table the bot wrote', () => {
  it("dave (write access) edits bob's line in the bot's table before maint reviews it: maint's /approve is not recorded, the table is written again, and the next /approve is", async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = payrollView(gitea());
    const bobRow = payroll.row('bob');
    await daveEdits(payroll, (body) => body.replace(bobRow, bobRow.replaceAll('$250.00', '$2,500.00')));
    expect(payroll.row('bob')).toContain('$2,500.00');

    await core.handle(commentIn(payroll.number(), 'maint', '/approve', '2026-12-03T10:00:00Z'));
    expect(payroll.comments().at(-1)).toContain(
      'not recorded: the table in the status comment was changed by someone',
    );
    expect(payroll.row('bob')).toBe(bobRow);
    expect(payroll.table()).toContain('**Approvals:** 0 of 2');

    await core.handle(commentIn(payroll.number(), 'maint', '/approve', '2026-12-03T10:05:00Z'));
    expect(payroll.table()).toContain('**Approvals:** 1 of 2');
  });
});

describe("the bot's table is written back over a person's edit", () => {
  it("dave (write access) puts his wallet into the approved table's Safe CSV: the edit's delivery has the table written back, with a note, before maint pays from it", async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    const written = payroll.table();
    const wallet = /0x[0-9a-fA-F]{40}/.exec(written)?.[0] ?? '';
    expect(wallet).not.toBe('');
    const daves = `0x${'d'.repeat(40)}`;
    const { status, tampered } = await daveEdits(payroll, (body) => body.replaceAll(wallet, daves));
    expect(payroll.table()).toContain(daves);

    await core.handle(
      commentPayload('edited', tampered, {
        issue: { number: payroll.number() },
        comment: { id: status?.id ?? 0, user: { login: gitea().botLogin } },
        sender: { login: 'dave' },
      }),
    );
    expect(payroll.table()).toBe(written);
    expect(payroll.comments().at(-1)).toContain('an edit of it');
    expect(payroll.table()).toContain('**Approvals:** 2 of 2');
  });
});
