import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import { txKey } from '../../../../src/domain/payments/ledger.js';
import type { Payment } from '../../../../src/domain/payments/payment.js';
import type { PayrollInput } from '../../../../src/domain/payroll/index.js';
import type { Role } from '../../../../src/engine/definition.js';
import type { Effect } from '../../../../src/engine/effects.js';
import type { Instance } from '../../../../src/engine/instance.js';
import type { BotEvent } from '../../../../src/gitea/event.js';
import type { ExitFacts } from '../../../../src/workflows/exit/facts.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, instanceIn, step, workflowNamed } from '../../../support/workflows.js';

/*
 * The exit workflow decided on data built here (no Redis, no Gitea): PROGRAM.md, "Exit".
 * bob: active since January 2026 with 2 nodes, so $150.00 a month; November 2026 has 30 days.
 */
const exit = workflowNamed('exit');
const config = defaultProgramConfig();
const BOT = 'operator-bot';
const bob = activeOperator('bob', { activatedAt: '2026-01-01T00:00:00.000Z', nodes: 2 });
const TX = `0x${'ab'.repeat(32)}`;

/** November's payroll input: bob alone, with a month that earns every monthly bonus. */
const november = (record: OperatorRecord = bob): PayrollInput => ({
  month: '2026-11',
  operators: [record],
  metrics: [
    {
      login: 'bob',
      month: '2026-11',
      uptimePercent: 99.9,
      tasksCompleted: 20,
      tasksDispatched: 20,
      reportedWeeks: 4,
    },
  ],
  config,
});
/** December's input, with no reports yet: the notice's last day falls in it. */
const december = (): PayrollInput => ({ month: '2026-12', operators: [bob], config });
/** What loadExitFacts would have found: bob's record and the payroll inputs of November and December. */
const facts = (extra: Partial<ExitFacts> = {}) => ({
  author: bob,
  botLogin: BOT,
  extra: {
    subject: bob,
    payrollInputs: { '2026-11': november(), '2026-12': december() },
    ledger: [],
    txUses: {},
    ...extra,
  },
});

const of = (effects: Effect[], type: Effect['type']) => effects.filter((e) => e.type === type);
const notes = (effects: Effect[]) => (of(effects, 'postNote') as { body: string }[]).map((e) => e.body);
const reply = (effects: Effect[]) =>
  (of(effects, 'reply') as { body: string }[]).map((e) => e.body).join('\n');

const NOTICE_OPENED = '2026-11-02T10:00:00.000Z';
/** `author`: the registry record of the issue's author; null when the author is not in the registry. */
const openNotice = (author: OperatorRecord | null = bob) =>
  step(exit, null, {
    event: botEvent({
      kind: 'issue.opened',
      actor: 'bob',
      at: NOTICE_OPENED,
      issue: { title: 'Exit notice', author: 'bob', labels: ['exit-notice'], createdAt: NOTICE_OPENED },
    }),
    facts: { ...facts(), author: author ?? undefined },
  });

let commentId = 500;
const say = (
  instance: Instance | null,
  actor: string,
  body: string,
  at: string,
  roles: Role[],
  extra: Partial<ExitFacts> = {},
) =>
  step(exit, instance, {
    event: botEvent({
      kind: 'comment.created',
      actor,
      at,
      comment: { id: ++commentId, body, createdAt: at },
      issue: { author: 'bob', labels: ['exit-notice'], createdAt: NOTICE_OPENED },
    }),
    roles,
    facts: facts(extra),
  });

const fire = (instance: Instance, name: string, at: string) =>
  step(exit, instance, {
    event: botEvent({
      kind: 'timer.fired',
      at,
      issue: { author: 'bob', labels: ['exit-notice'], createdAt: NOTICE_OPENED },
      timer: {
        workflow: 'exit',
        name,
        forState: instance.state,
        forVersion: (instance.data.timers as Record<string, number> | undefined)?.[name] ?? -1,
      },
    }),
    facts: facts(),
  });

/** A termination issue the bot opened (or someone pasted), carrying the termination marker. */
const terminationIssue = (mode: 'recorded' | 'proposed', author = BOT, at = '2026-11-20T12:00:00.000Z') => {
  const marker = { login: 'bob', reason: 'credential exposure', by: 'maint', mode, at };
  return botEvent({
    kind: 'issue.opened',
    actor: author,
    at,
    issue: {
      title: `Termination: @bob`,
      author,
      labels: ['exit-notice'],
      createdAt: at,
      body: `Termination of @bob.\n\n<!-- operator-bot:termination ${JSON.stringify(marker)} -->`,
    },
  });
};
const openTermination = (event: BotEvent) =>
  step(exit, null, { event, facts: { ...facts(), author: undefined } });

/** Every checklist item done by bob and, where the rule asks, verified by a maintainer. */
function workThroughChecklist(start: Instance, at: string) {
  let instance = start;
  const all: Effect[] = [];
  for (const [actor, body, roles] of [
    ['bob', '/done access', ['author']],
    ['bob', '/done tasks', ['author']],
    ['bob', '/done credentials', ['author']],
    ['bob', '/done report', ['author']],
    ['maint', '/confirm access', ['maintainer']],
    ['maint', '/confirm credentials', ['maintainer']],
  ] as const) {
    const decision = say(instance, actor, body, at, [...roles]);
    if (!decision.instance) throw new Error(`${body} left no instance`);
    instance = decision.instance;
    all.push(...decision.effects);
  }
  return { instance, effects: all };
}

/** bob's notice released on Nov 20 and the checklist worked through: the final payment is due. */
function payout(): Instance {
  const notice = openNotice().instance as Instance;
  const released = say(notice, 'maint', '/release', '2026-11-20T12:00:00.000Z', ['maintainer']);
  return workThroughChecklist(released.instance as Instance, '2026-11-20T13:00:00.000Z').instance;
}
/** A maintainer's `/paid …` on Nov 28, in payout. */
const paidWith = (body: string, extra: Partial<ExitFacts> = {}) =>
  say(payout(), 'maint', body, '2026-11-28T09:00:00.000Z', ['maintainer'], extra);

describe('PROGRAM.md "Exit · Voluntary": 30-day notice from the day the issue is opened', () => {
  it('an active operator’s notice starts the 30 days and records the notice in the history', () => {
    const { instance, effects } = openNotice();
    expect(instance?.state).toBe('notice');
    expect(instance?.data).toMatchObject({
      kind: 'notice',
      operator: 'bob',
      lastDay: '2026-12-02T10:00:00.000Z',
    });
    expect(of(effects, 'scheduleTimer')).toMatchObject([
      { name: 'lastDay', dueAt: '2026-12-02T10:00:00.000Z' },
    ]);
    expect(of(effects, 'recordOperatorEvent')).toMatchObject([
      { login: 'bob', event: { type: 'notice', at: NOTICE_OPENED } },
    ]);
  });

  it.each([
    ['someone not in the registry', null, 'not in the operator registry'],
    [
      'an operator who already left',
      activeOperator('bob', { status: 'exited' }),
      'is exited, not an active operator',
    ],
  ])('%s gets no notice period: the issue is refused and says why', (_who, author, why) => {
    const { instance, effects } = openNotice(author);
    expect(instance?.state).toBe('refused');
    expect(instance?.data.refusal).toContain(why);
    expect(of(effects, 'recordOperatorEvent')).toEqual([]);
  });
});

describe('PROGRAM.md "Exit · Voluntary": the transition checklist before the final payment', () => {
  it('only named checklist items can be ticked, and the reply says who verifies', () => {
    const notice = openNotice().instance as Instance;
    expect(reply(say(notice, 'bob', '/done everything', NOTICE_OPENED, ['author']).effects)).toContain(
      'name the item',
    );
    const done = say(notice, 'bob', '/done access', NOTICE_OPENED, ['author']);
    expect(reply(done.effects)).toContain('A maintainer verifies it with `/confirm access`');
    const tasks = say(notice, 'bob', '/done tasks', NOTICE_OPENED, ['author']);
    expect(reply(tasks.effects)).not.toContain('/confirm');
  });

  it('the last day with the checklist open reminds the operator and maintainers of what is missing', () => {
    const notice = openNotice().instance as Instance;
    const { instance, effects } = fire(notice, 'lastDay', '2026-12-02T10:00:00.000Z');
    expect(instance?.state).toBe('notice');
    expect(instance?.data.lastDayReached).toBe(true);
    const [note] = notes(effects);
    expect(note).toContain('the final payment cannot start');
    expect(note).toContain('`access`');
    expect(note).toContain('`report`');
  });

  it('the checklist complete before the last day waits for it; the last day then starts the payout', () => {
    const notice = openNotice().instance as Instance;
    const worked = workThroughChecklist(notice, '2026-11-10T10:00:00.000Z');
    expect(worked.instance.state).toBe('notice');
    const { instance, effects } = fire(worked.instance, 'lastDay', '2026-12-02T10:00:00.000Z');
    expect(instance?.state).toBe('payout');
    expect(notes(effects).join('\n')).not.toContain('cannot start');
    expect(of(effects, 'recordOperatorEvent')).toMatchObject([
      { login: 'bob', event: { type: 'ended', kind: 'exited', lastDay: '2026-12-02T10:00:00.000Z' } },
    ]);
    // December 1 and 2 of 31 days of $150.00, rounded half-up to the cent.
    expect(instance?.data.payment).toMatchObject({ month: '2026-12', activeDays: 2, baseCents: 968 });
  });
});

describe('PROGRAM.md "Exit · Voluntary": exit payment pro-rated to the last active day, within 7 days', () => {
  it('released on Nov 20: 20 of 30 days of base ($100.00) plus the month’s bonuses, due Nov 27', () => {
    const notice = openNotice().instance as Instance;
    const released = say(notice, 'maint', '/release', '2026-11-20T12:00:00.000Z', ['maintainer']);
    expect(released.instance?.data.lastDay).toBe('2026-11-20T12:00:00.000Z');
    const { instance } = workThroughChecklist(released.instance as Instance, '2026-11-20T13:00:00.000Z');
    expect(instance.state).toBe('payout');
    expect(instance.data.payment).toMatchObject({
      month: '2026-11',
      activeDays: 20,
      baseCents: 10_000,
      bonusCents: 10_000,
      totalCents: 20_000,
      wallet: bob.wallet,
      chain: 'base',
      dueBy: '2026-11-27T12:00:00.000Z',
    });
  });

  it('a payment not recorded by its due time reminds the maintainers; a recorded one closes the exit', () => {
    const due = payout();
    const late = fire(due, 'paymentDue', '2026-11-27T12:00:00.000Z');
    expect(notes(late.effects).join('\n')).toContain('was due by');
    const paid = say(due, 'maint', `/paid ${TX}`, '2026-11-28T09:00:00.000Z', ['maintainer']);
    expect(paid.instance?.state).toBe('done');
    expect(of(paid.effects, 'recordPayment')).toMatchObject([
      { payment: { login: 'bob', month: '2026-11', cents: 20_000, tx: TX, chain: 'base' } },
    ]);
  });
});

describe('/paid records the final payment once, in the ledger the payroll shares', () => {
  const ledgerPayment = (overrides: Partial<Payment> = {}): Payment => ({
    login: 'bob',
    month: '2026-11',
    cents: 20_000,
    tx: `0x${'cd'.repeat(32)}`,
    chain: 'base',
    by: 'maint2',
    at: '2026-11-25T09:00:00.000Z',
    issue: 'fleet/program#40',
    line: 'bob',
    ...overrides,
  });

  it.each([
    [
      'a transaction id that is not one on the chain',
      '/paid 12345',
      'payout',
      'give the transaction id on base',
    ],
    ['no transaction at all', '/paid', 'payout', 'give the transaction id on base'],
  ])('refuses %s and stays in payout', (_why, body, state, answer) => {
    const { instance, effects } = paidWith(body);
    expect(instance?.state).toBe(state);
    expect(reply(effects)).toContain(answer);
    expect(of(effects, 'recordPayment')).toEqual([]);
  });

  it('a line the month’s payroll already paid settles the exit by that payment and records nothing new', () => {
    const { instance, effects } = paidWith(`/paid ${TX}`, { ledger: [ledgerPayment()] });
    expect(instance?.state).toBe('done');
    expect(instance?.data.paid).toMatchObject({ tx: ledgerPayment().tx, by: 'maint2' });
    expect(of(effects, 'recordPayment')).toEqual([]);
    expect(reply(effects)).toContain('This exit is settled by that payment');
  });

  it('a transaction already recorded in another issue is refused', () => {
    const { instance, effects } = paidWith(`/paid ${TX}`, {
      txUses: { [txKey(TX)]: ledgerPayment({ tx: TX, login: 'alice', line: 'alice' }) },
    });
    expect(instance?.state).toBe('payout');
    expect(of(effects, 'recordPayment')).toEqual([]);
    expect(reply(effects)).toContain('is recorded already, for @alice');
  });
});

describe('PROGRAM.md "Exit · Involuntary": recorded by a maintainer, or proposed by the bot and confirmed', () => {
  it('a recorded termination ends the stint at once: no bonuses for the final month, reapply after 6 months', () => {
    const { instance, effects } = openTermination(terminationIssue('recorded'));
    expect(instance?.state).toBe('terminated');
    expect(instance?.data).toMatchObject({
      kind: 'termination',
      operator: 'bob',
      reason: 'credential exposure',
      reapplyFrom: '2027-05-20',
    });
    expect(instance?.data.payment).toMatchObject({
      activeDays: 20,
      baseCents: 10_000,
      bonusCents: 0,
      totalCents: 10_000,
    });
    expect(of(effects, 'recordOperatorEvent')).toMatchObject([
      {
        login: 'bob',
        event: { type: 'ended', kind: 'terminated', reason: 'credential exposure', by: 'maint' },
      },
    ]);
  });

  it('a proposal waits for a maintainer: /terminate confirm terminates, /terminate cancel keeps the operator', () => {
    const proposed = openTermination(terminationIssue('proposed'));
    expect(proposed.instance?.state).toBe('proposed');
    expect(of(proposed.effects, 'recordOperatorEvent')).toEqual([]);
    const proposal = proposed.instance as Instance;
    const confirmed = say(proposal, 'maint', '/terminate confirm', '2026-11-21T12:00:00.000Z', [
      'maintainer',
    ]);
    expect(confirmed.instance?.state).toBe('terminated');
    expect(confirmed.instance?.data.payment).toMatchObject({ bonusCents: 0 });
    const cancelled = say(proposal, 'maint', '/terminate cancel', '2026-11-21T12:00:00.000Z', ['maintainer']);
    expect(cancelled.instance?.state).toBe('cancelled');
    expect(of(cancelled.effects, 'recordOperatorEvent')).toEqual([]);
  });

  it('a termination marker in an issue the bot did not open counts for nothing', () => {
    const { instance, effects } = openTermination(terminationIssue('recorded', 'mallory'));
    expect(instance?.state).toBe('refused');
    expect(of(effects, 'recordOperatorEvent')).toEqual([]);
  });

  it('the access-revocation checklist is the maintainers’ to verify', () => {
    const terminated = instanceIn('exit', 'terminated', {
      kind: 'termination',
      operator: 'bob',
      openedAt: '2026-11-20T12:00:00.000Z',
    });
    const ok = say(terminated, 'maint', '/confirm tasks', '2026-11-21T12:00:00.000Z', ['maintainer']);
    expect(reply(ok.effects)).toContain('reassigned: verified');
    const no = say(terminated, 'maint', '/confirm report', '2026-11-21T12:00:00.000Z', ['maintainer']);
    expect(reply(no.effects)).toContain('`/confirm access`, `/confirm credentials`, `/confirm tasks`');
  });
});
