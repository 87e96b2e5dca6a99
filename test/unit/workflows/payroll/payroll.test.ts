import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig, type ProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import type { PayrollInput } from '../../../../src/domain/payroll/index.js';
import type { MonthStandards } from '../../../../src/domain/payroll/standards.js';
import type { Role } from '../../../../src/engine/definition.js';
import type { Effect } from '../../../../src/engine/effects.js';
import type { Instance } from '../../../../src/engine/instance.js';
import type { BotEvent } from '../../../../src/gitea/event.js';
import { payrollData } from '../../../../src/workflows/payroll/data.js';
import type { PayrollFacts } from '../../../../src/workflows/payroll/facts.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, step, workflowNamed } from '../../../support/workflows.js';

/*
 * The payroll workflow decided on data built here (no Redis, no Gitea): PROGRAM.md,
 * "Compensation". November 2026, both operators active all month:
 * - alice, Base, 3 nodes: $150.00 base + $50 uptime (99.8%) + $30 completion (50/50) + $20
 *   response (no critical alert) = $250.00;
 * - bob, Ethereum, 7 nodes: $150.00 + 2 × $25.00 + $30 completion (24/25 = 96%) + $20 response,
 *   no uptime bonus (99.4% ≤ 99.5%) = $250.00.
 */
const payroll = workflowNamed('payroll');
const BOT = 'operator-bot';
const MONTH = '2026-11';
const ETH_WALLET = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const alice = activeOperator('alice', { activatedAt: '2026-01-01T00:00:00.000Z', nodes: 3 });
const bob = activeOperator('bob', {
  activatedAt: '2026-01-01T00:00:00.000Z',
  nodes: 7,
  chain: 'ethereum',
  wallet: ETH_WALLET,
});
const tx = (n: number) => `0x${String(n).padStart(2, '0').repeat(32)}`;

const input = (bobUptime = 99.4, config: ProgramConfig = defaultProgramConfig()): PayrollInput => ({
  month: MONTH,
  operators: [alice, bob],
  metrics: [
    {
      login: 'alice',
      month: MONTH,
      uptimePercent: 99.8,
      tasksCompleted: 50,
      tasksDispatched: 50,
      reportedWeeks: 4,
    },
    {
      login: 'bob',
      month: MONTH,
      uptimePercent: bobUptime,
      tasksCompleted: 24,
      tasksDispatched: 25,
      reportedWeeks: 4,
    },
  ],
  config,
});
const noStandards: MonthStandards = { credentialsOverdue: [], pings: [] };
const mentioned: Record<string, OperatorRecord> = { alice, bob };
const factsOf = (extra: Partial<PayrollFacts> = {}) => ({
  botLogin: BOT,
  mentioned,
  extra: { input: input(), storedPayments: [], standards: noStandards, txUses: {}, ...extra },
});

const marker = `<!-- operator-bot:payroll {"month":"${MONTH}"} -->`;
const payrollIssue = (kind: BotEvent['kind'], author = BOT, at = '2026-12-01T06:00:00.000Z') =>
  botEvent({
    kind,
    actor: author,
    at,
    issue: {
      title: `Payroll ${MONTH}`,
      author,
      labels: ['payroll'],
      createdAt: at,
      body: `Pay.\n\n${marker}`,
    },
  });
const open = () => step(payroll, null, { event: payrollIssue('issue.opened'), facts: factsOf() });

let commentId = 700;
const say = (
  instance: Instance | null,
  actor: string,
  body: string,
  options: { at?: string; roles?: Role[]; facts?: Partial<PayrollFacts>; actorId?: number; id?: number } = {},
) => {
  const at = options.at ?? '2026-12-02T10:00:00.000Z';
  return step(payroll, instance, {
    event: botEvent({
      kind: 'comment.created',
      actor,
      ...(options.actorId === undefined ? {} : { actorId: options.actorId }),
      at,
      comment: { id: options.id ?? ++commentId, body, createdAt: at },
      issue: { title: `Payroll ${MONTH}`, author: BOT, labels: ['payroll'], body: `Pay.\n\n${marker}` },
    }),
    roles: options.roles ?? ['maintainer'],
    facts: factsOf(options.facts),
  });
};
/** Runs comments one after another, a minute apart from 10:00 on Dec 2, each on the instance the previous one left. */
function run(start: Instance, comments: [actor: string, body: string][]) {
  let instance = start;
  let last: ReturnType<typeof say> | undefined;
  for (const [index, [actor, body]] of comments.entries()) {
    last = say(instance, actor, body, { at: new Date(Date.UTC(2026, 11, 2, 10, index)).toISOString() });
    if (!last.instance) throw new Error(`${body} left no instance`);
    instance = last.instance;
  }
  return { instance, effects: last?.effects ?? [] };
}

const of = (effects: Effect[], type: Effect['type']) => effects.filter((e) => e.type === type);
const reply = (effects: Effect[]) =>
  (of(effects, 'reply') as { body: string }[]).map((e) => e.body).join('\n');
/** The line of `login` in the snapshot the instance shows. */
const lineOf = (instance: Instance | null | undefined, login: string) =>
  payrollData(instance as Instance).snapshot?.lines.find((line) => line.operator === login);

describe('PROGRAM.md "Compensation": the month’s payroll issue shows every line for review', () => {
  it('opens in review with base and bonuses per line, and asks for approval 7 days after the month’s end', () => {
    const { instance, effects } = open();
    expect(instance?.state).toBe('review');
    expect(lineOf(instance, 'alice')).toMatchObject({ totalCents: 25_000, payableCents: 25_000 });
    expect(lineOf(instance, 'bob')).toMatchObject({ totalCents: 25_000, payableCents: 25_000 });
    expect(instance?.data.payableCents).toBe(50_000);
    expect(of(effects, 'scheduleTimer')).toMatchObject([
      { name: 'approvalDue', dueAt: '2026-12-08T00:00:00.000Z' },
    ]);
  });

  it('a payroll marker in an issue the bot did not open starts nothing', () => {
    const { instance } = step(payroll, null, {
      event: payrollIssue('issue.opened', 'mallory'),
      facts: factsOf(),
    });
    expect(instance?.state).not.toBe('review');
  });

  it('not approved by its due day: the maintainers are reminded, with the count of approvals', () => {
    const opened = open().instance as Instance;
    const { effects } = step(payroll, opened, {
      event: botEvent({
        kind: 'timer.fired',
        at: '2026-12-08T00:00:00.000Z',
        issue: { author: BOT, labels: ['payroll'], body: `Pay.\n\n${marker}` },
        timer: {
          workflow: 'payroll',
          name: 'approvalDue',
          forState: 'review',
          forVersion: (opened.data.timers as Record<string, number>).approvalDue ?? -1,
        },
      }),
      facts: factsOf(),
    });
    expect((of(effects, 'postNote')[0] as { body: string }).body).toContain(
      'not approved yet (0 of 2 approvals)',
    );
  });
});

describe('PROGRAM.md "Who uses the bot": maintainers approve the payroll (two distinct maintainers)', () => {
  it('one approval is not enough; the same maintainer twice counts once; a second maintainer approves it', () => {
    const opened = open().instance as Instance;
    const first = say(opened, 'maint', '/approve');
    expect(first.instance?.state).toBe('review');
    expect(reply(first.effects)).toContain('approval 1 of 2 recorded');
    const again = say(first.instance, 'maint', '/approve');
    expect(reply(again.effects)).toContain('you approved already');
    const second = say(first.instance, 'maint2', '/approve');
    expect(second.instance?.state).toBe('approved');
  });

  it('a comment written before the table last changed approves nothing', () => {
    const opened = open().instance as Instance;
    const early = say(opened, 'maint', '/approve', { at: '2026-12-01T05:00:00.000Z' });
    expect(reply(early.effects)).toContain('review it and `/approve` again');
    expect(early.instance?.data.approvals).toEqual([]);
  });

  it('an input that changes after approval voids the approvals and tells the maintainers what changed', () => {
    const approved = run(open().instance as Instance, [
      ['maint', '/approve'],
      ['maint2', '/approve'],
    ]).instance;
    expect(approved.state).toBe('approved');
    const { instance, effects } = step(payroll, approved, {
      event: payrollIssue('issue.edited', BOT, '2026-12-03T10:00:00.000Z'),
      facts: factsOf({ input: input(99.9) }),
    });
    expect(instance?.state).toBe('review');
    expect(instance?.data.approvals).toEqual([]);
    expect(lineOf(instance, 'bob')?.totalCents).toBe(30_000);
    const note = (of(effects, 'postNote')[0] as { body: string }).body;
    expect(note).toContain('The 2 approval(s) are void');
    expect(note).toContain('payable now $550.00');
  });

  it('the same inputs computed again change nothing and void nothing', () => {
    const approved = run(open().instance as Instance, [
      ['maint', '/approve'],
      ['maint2', '/approve'],
    ]).instance;
    const { instance } = step(payroll, approved, {
      event: payrollIssue('issue.edited', BOT, '2026-12-03T10:00:00.000Z'),
      facts: factsOf(),
    });
    expect(instance?.state).toBe('approved');
    expect(instance?.data.approvals).toHaveLength(2);
  });
});

describe('/adjust and /hold: maintainers change lines, above a ceiling with a second maintainer', () => {
  it('an adjustment within the ceilings changes the line at once and voids earlier approvals', () => {
    const { instance, effects } = run(open().instance as Instance, [
      ['maint', '/approve'],
      ['maint', '/adjust @bob +25 extra node setup'],
    ]);
    expect(lineOf(instance, 'bob')?.totalCents).toBe(27_500);
    expect(instance.data.approvals).toEqual([]);
    expect(reply(effects)).toContain('The 1 earlier approval(s) are void');
  });

  it.each([
    ['one adjustment above $500.00', [['maint', '/adjust @bob +600 hardware refund']]],
    [
      'a line’s adjustments summing above $1,000.00',
      [
        ['maint', '/adjust @bob +500 one'],
        ['maint', '/adjust @bob +500.01 two'],
      ],
    ],
  ] as [string, [string, string][]][])('%s waits for a second, distinct maintainer', (_case, comments) => {
    const asked = run(open().instance as Instance, comments);
    const total = lineOf(asked.instance, 'bob')?.totalCents;
    expect(reply(asked.effects)).toContain('needs a second maintainer');
    const id = (asked.instance.data.pendingAdjustments as { id: number }[])[0]?.id;
    const self = say(asked.instance, 'maint', `/adjust confirm ${id}`);
    expect(reply(self.effects)).toContain('a second, distinct maintainer must confirm it');
    expect(lineOf(self.instance, 'bob')?.totalCents).toBe(total);
    const confirmed = say(asked.instance, 'maint2', `/adjust confirm ${id}`);
    expect(lineOf(confirmed.instance, 'bob')?.totalCents).toBeGreaterThan(total ?? 0);
  });

  it('a held line is not payable until /unhold', () => {
    const held = run(open().instance as Instance, [['maint', '/hold @bob wallet under review']]).instance;
    expect(lineOf(held, 'bob')).toMatchObject({ held: true, payableCents: 0 });
    expect(held.data.payableCents).toBe(25_000);
    const unheld = say(held, 'maint', '/unhold @bob');
    expect(lineOf(unheld.instance, 'bob')).toMatchObject({ held: false, payableCents: 25_000 });
  });
});

describe('/paid records the approved amounts in the ledger; the month closes when every line is paid', () => {
  const approved = () =>
    run(open().instance as Instance, [
      ['maint', '/approve'],
      ['maint2', '/approve'],
    ]).instance;

  it('pays one line with a transaction on its chain, then the other; all paid closes the month', () => {
    const first = say(approved(), 'maint', `/paid @alice ${tx(1)}`);
    expect(of(first.effects, 'recordPayment')).toMatchObject([
      { payment: { login: 'alice', month: MONTH, cents: 25_000, tx: tx(1), chain: 'base' } },
    ]);
    expect(first.instance?.state).toBe('approved');
    const second = say(first.instance, 'maint', `/paid @bob ${tx(2)}`);
    expect(second.instance?.state).toBe('paid');
  });

  it('/paid all on lines of two chains asks which chain the transaction is on', () => {
    const { instance, effects } = say(approved(), 'maint', `/paid all ${tx(3)}`);
    expect(instance?.state).toBe('approved');
    expect(reply(effects)).toContain('write `/paid all CHAIN TX`');
    expect(of(effects, 'recordPayment')).toEqual([]);
  });

  it.each([
    [
      'a line on hold',
      [
        ['maint', '/hold @bob check'],
        ['maint', '/approve'],
        ['maint2', '/approve'],
      ],
      `/paid @bob ${tx(4)}`,
      'held',
    ],
    [
      'a transaction id that is not one',
      [
        ['maint', '/approve'],
        ['maint2', '/approve'],
      ],
      '/paid @bob 0x1234',
      'give the transaction id on ethereum',
    ],
    ['before approval', [], `/paid @bob ${tx(4)}`, 'not possible while this issue is in state **review**'],
  ] as [string, [string, string][], string, string][])('refuses to pay %s', (_case, before, body, answer) => {
    const ready = run(open().instance as Instance, before).instance;
    const { effects } = say(ready, 'maint', body);
    expect(of(effects, 'recordPayment')).toEqual([]);
    expect(reply(effects)).toContain(answer);
  });
});

// Gitea sends deliveries from several workers, and the catch-up brings a lost one late: Gitea's
// comment ids (one sequence) say which was written last.
describe('/hold and /unhold handled out of the order they were written', () => {
  const held = (instance: Instance | null | undefined) => lineOf(instance, 'bob')?.held === true;

  it("maint's `/hold @bob`, its delivery lost and found by the catch-up after her `/unhold @bob`: bob's line stays released", () => {
    const opened = open().instance;
    const unhold = say(opened, 'maint', '/unhold @bob', { id: 9002, at: '2026-12-02T10:05:00.000Z' });
    expect(reply(unhold.effects)).toContain('the line is not held.');
    const hold = say(unhold.instance, 'maint', '/hold @bob wallet under review', {
      id: 9001,
      at: '2026-12-02T10:00:00.000Z',
    });
    expect(held(hold.instance)).toBe(false);
    expect(reply(hold.effects)).toContain(
      "not applied: it was written before @maint's `/unhold @bob` (2026-12-02 10:05:00 UTC), which stands. Write it again in a new comment if it is still meant.",
    );
  });

  it('an approved payroll stays approved, its approvals standing, when `/unhold` finds the line released already', () => {
    const approved = run(open().instance as Instance, [
      ['maint', '/approve'],
      ['maint2', '/approve'],
    ]).instance;
    const noop = say(approved, 'maint', '/unhold @alice', { at: '2026-12-02T11:00:00.000Z' });
    expect(noop.instance?.state).toBe('approved');
    expect(noop.instance?.data.approvals).toHaveLength(2);
    expect(of(noop.effects, 'setStateLabel')).toEqual([]);
    expect(reply(noop.effects)).toContain('the line is not held.');
  });

  it('in one comment, `/hold` then `/unhold` act in their order', () => {
    const both = say(open().instance, 'maint', '/hold @bob check\n/unhold @bob');
    expect(held(both.instance)).toBe(false);
  });

  it('whatever order a run of /hold and /unhold comments is handled in, the one written last decides', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.boolean(), { minLength: 1, maxLength: 6 })
          .chain((holds) =>
            fc.tuple(fc.constant(holds), fc.shuffledSubarray([...holds.keys()], { minLength: holds.length })),
          ),
        ([holds, order]) => {
          let instance = open().instance;
          for (const index of order) {
            const body = holds[index] ? '/hold @bob check' : '/unhold @bob';
            const at = new Date(Date.UTC(2026, 11, 2, 10, index)).toISOString();
            instance =
              say(instance, index % 2 ? 'maint2' : 'maint', body, { id: 8000 + index, at }).instance ??
              instance;
          }
          expect(held(instance)).toBe(holds.at(-1));
        },
      ),
      { seed: 19, numRuns: 200 },
    );
  });
});
