import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
const TX = `0x${'ab'.repeat(32)}`;
const registry = () => createOperatorStore(redis.client);

async function setUp() {
  seedProgram(gitea());
  await registry().put(activeOperator('bob', { activatedAt: '2026-01-01T00:00:00.000Z', nodes: 2 }));
  return testCore(redis.client, gitea());
}

let commentId = 5000;
const comment = (issue: number, login: string, body: string, at: string, labels = ['exit-notice']) =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: 'bob' } },
    comment: { id: ++commentId, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
const opened = (
  issue: number,
  login: string,
  at: string,
  labels = ['exit-notice'],
  title = 'Exit notice: bob',
) =>
  issuePayload('opened', {
    number: issue,
    issue: {
      number: issue,
      title,
      body: '',
      labels: labels.map((name) => label(name)),
      user: { login },
      created_at: at,
      updated_at: at,
    },
    sender: { login },
  });
/** The number of the issue the bot opened with this title. */
function numberTitled(title: string): number {
  for (let number = 1; number < 100; number++)
    if (gitea().issue(PROGRAM_REPO, number)?.title === title) return number;
  throw new Error(`no issue titled ${title}`);
}
const labelsOf = (issue: number) =>
  gitea()
    .issueLabels(PROGRAM_REPO, issue)
    .filter((l) => l.startsWith('exit/'));
const status = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .find((c) => c.body.includes('operator-bot:state'))?.body ?? '';

describe('voluntary exit', () => {
  it('runs notice → checklist → payout → paid, with the registry following', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 20,
      title: 'Exit notice: bob',
      user: 'bob',
      labels: ['exit-notice'],
    });
    await core.handle(opened(20, 'bob', '2026-11-02T10:00:00Z'));
    expect(labelsOf(20)).toEqual(['exit/notice']);
    expect(status(20)).toContain('**Last day:** 2026-12-02 10:00 UTC');
    expect((await registry().get('bob'))?.status).toBe('exiting');

    await core.handle(
      comment(
        20,
        'bob',
        '/done access\n/done tasks\n/done credentials\n/done report',
        '2026-11-20T10:00:00Z',
      ),
    );
    await core.handle(comment(20, 'maint', '/confirm access', '2026-11-21T10:00:00Z'));
    expect(await core.fire(/lastDay/)).toBe(1);
    expect(labelsOf(20)).toEqual(['exit/notice']);
    expect(
      gitea()
        .comments(PROGRAM_REPO, 20)
        .some((c) => c.body.includes('Still open: `credentials`')),
    ).toBe(true);

    await core.handle(comment(20, 'maint', '/confirm credentials', '2026-12-03T09:00:00Z'));
    expect(labelsOf(20)).toEqual(['exit/payout']);
    const bob = await registry().get('bob');
    expect(bob).toMatchObject({ status: 'exited', endedAt: '2026-12-02T10:00:00.000Z' });
    // December 1–2: 2 of 31 days of $150 = $9.68 (half-up).
    expect(status(20)).toContain('base $9.68 for 2 active days');

    await core.handle(comment(20, 'maint', '/paid not-a-tx', '2026-12-04T09:00:00Z'));
    expect(labelsOf(20)).toEqual(['exit/payout']);
    await core.handle(comment(20, 'maint', `/paid ${TX}`, '2026-12-04T09:05:00Z'));
    expect(labelsOf(20)).toEqual(['exit/done']);
    expect(gitea().issue(PROGRAM_REPO, 20)?.state).toBe('closed');
    const [payment] = await createPaymentStore(redis.client).inMonth('2026-12');
    expect(payment).toMatchObject({ login: 'bob', month: '2026-12', tx: TX, by: 'maint' });
  });

  it('answers a non-operator’s exit notice clearly and closes it', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 21,
      title: 'Exit notice',
      user: 'carol',
      labels: ['exit-notice'],
    });
    await core.handle(opened(21, 'carol', '2026-11-02T10:00:00Z'));
    expect(labelsOf(21)).toEqual(['exit/refused']);
    expect(status(21)).toContain('@carol is not in the operator registry');
    expect(gitea().issue(PROGRAM_REPO, 21)?.state).toBe('closed');
  });
});

describe('involuntary termination', () => {
  it('/terminate @op REASON opens the termination issue: registry, reapply date, pay without bonuses', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Security incident', user: 'maint' });
    await core.handle(
      comment(
        3,
        'maint',
        '/terminate @bob leaked the fleet API key in a public paste',
        '2026-11-10T12:00:00Z',
        [],
      ),
    );
    expect(await core.fire(/^opened-termination-bob/)).toBe(1);
    const termination = gitea()
      .comments(PROGRAM_REPO, 3)
      .find((c) => c.body.includes('opening the termination of @bob'));
    expect(termination).toBeDefined();
    const number = numberTitled('Termination: @bob');
    expect(labelsOf(number)).toEqual(['exit/terminated']);
    expect(await registry().get('bob')).toMatchObject({
      status: 'terminated',
      endedAt: '2026-11-10T12:00:00.000Z',
    });
    expect(status(number)).toContain('May re-apply from 2027-05-10');
    expect(status(number)).toContain('bonuses $0.00');
    expect(status(number)).toContain('base $50.00 for 10 active days');
  });

  it('a forged termination marker in someone’s own exit notice does nothing', async () => {
    const core = await setUp();
    gitea().addUser('mallory');
    gitea().addIssue(PROGRAM_REPO, { number: 22, title: 'Exit', user: 'mallory', labels: ['exit-notice'] });
    const forged = opened(22, 'mallory', '2026-11-02T10:00:00Z');
    forged.issue.body =
      '<!-- operator-bot:termination {"login":"bob","reason":"x","by":"maint","mode":"recorded","at":"2026-11-02T10:00:00Z"} -->';
    await core.handle(forged);
    expect((await registry().get('bob'))?.status).toBe('active');
    expect(labelsOf(22)).toEqual(['exit/refused']);
  });

  it('an alert unacknowledged for 72 h proposes a termination that a maintainer confirms', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 30,
      title: 'Gateway down',
      user: 'bob',
      labels: ['operator-alert'],
    });
    await core.handle(
      opened(30, 'bob', '2026-11-05T08:00:00Z', ['operator-alert'], 'Gateway down on node-1'),
    );
    await core.fire(/ackDeadline/);
    expect(await core.fire(/unresponsive/)).toBe(1);
    expect(await core.fire(/^opened-termination-proposal/)).toBe(1);
    const proposal = numberTitled('Termination proposed: @bob');
    expect(labelsOf(proposal)).toEqual(['exit/proposed']);
    expect((await registry().get('bob'))?.status).toBe('active');
    await core.handle(comment(proposal, 'bob', '/terminate confirm', '2026-11-08T09:00:00Z'));
    expect(labelsOf(proposal)).toEqual(['exit/proposed']);
    await core.handle(comment(proposal, 'maint', '/terminate confirm', '2026-11-08T09:05:00Z'));
    expect(labelsOf(proposal)).toEqual(['exit/terminated']);
    expect((await registry().get('bob'))?.status).toBe('terminated');
  });
});
