import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { Role } from '../../../../src/engine/definition.js';
import type { Effect } from '../../../../src/engine/effects.js';
import type { Instance } from '../../../../src/engine/instance.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, completeForm, instanceIn, step, workflowNamed } from '../../../support/workflows.js';

const onboarding = workflowNamed('onboarding');
const opened = (body: string) => botEvent({ kind: 'issue.opened', issue: { body } });
let commentId = 100;
const comment = (actor: string, body: string, at = '2026-11-21T10:00:00.000Z') =>
  botEvent({
    kind: 'comment.created',
    actor,
    at,
    comment: { id: ++commentId, body, createdAt: at },
    issue: { body: completeForm },
  });
const effectsOf = (effects: Effect[], type: Effect['type']) => effects.filter((e) => e.type === type);
const statusOf = (effects: Effect[]) =>
  (effectsOf(effects, 'upsertStatusComment')[0] as { body: string } | undefined)?.body ?? '';
const replyOf = (effects: Effect[]) =>
  (effectsOf(effects, 'reply')[0] as { body: string } | undefined)?.body ?? '';

describe('onboarding: the application form', () => {
  it('a complete application goes to screening', () => {
    const { instance, effects } = step(onboarding, null, { event: opened(completeForm) });
    expect(instance?.state).toBe('screening');
    expect(effectsOf(effects, 'setStateLabel')).toEqual([
      { type: 'setStateLabel', scope: 'onboarding', label: 'onboarding/screening' },
    ]);
    expect(statusOf(effects)).toContain('Screening');
  });

  it('an incomplete one goes to incomplete, with every problem in the one status comment', () => {
    const broken = completeForm
      .replace('Ada Lovelace\n\n### Date', '_No response_\n\n### Date')
      .replace('\n8 GB\n', '\n2 GB\n');
    const { instance, effects } = step(onboarding, null, { event: opened(broken) });
    expect(instance?.state).toBe('incomplete');
    const status = statusOf(effects);
    expect(status).toMatch(/\*\*Signature[^*]*\*\*/);
    expect(status).toMatch(/\*\*RAM\*\*: .*4 GB/);
    expect(effectsOf(effects, 'upsertStatusComment')).toHaveLength(1);
  });

  it('is re-checked on edit: fixed → screening, broken again → incomplete; the same comment is edited', () => {
    const broken = completeForm.replace('\n3\n\n### Experience', '\n12\n\n### Experience');
    const first = step(onboarding, null, { event: opened(broken) });
    expect(first.instance?.state).toBe('incomplete');
    // (alice, its author, edits it: an application is read again for its author or a maintainer)
    const fixed = step(onboarding, first.instance, {
      event: botEvent({ kind: 'issue.edited', issue: { body: completeForm } }),
      roles: ['author'],
    });
    expect(fixed.instance?.state).toBe('screening');
    expect(effectsOf(fixed.effects, 'upsertStatusComment')).toHaveLength(1);
    const again = step(onboarding, fixed.instance, {
      event: botEvent({ kind: 'issue.edited', issue: { body: broken } }),
      roles: ['author'],
    });
    expect(again.instance?.state).toBe('incomplete');
    expect(statusOf(again.effects)).toContain('Number of Nodes');
  });

  it('refuses a second open application by the same applicant, naming the first', () => {
    const { instance, effects } = step(onboarding, null, {
      event: opened(completeForm),
      facts: { otherOpenIssues: ['fleet/program#3'] },
    });
    expect(instance?.state).toBe('incomplete');
    expect(statusOf(effects)).toContain('#3');
  });
});

describe('onboarding: from screening to active', () => {
  it('walks an applicant to the registry with no step done by hand', () => {
    const config = defaultProgramConfig();
    let instance: Instance | null = step(onboarding, null, { event: opened(completeForm) }).instance;
    const run = (actor: string, body: string, roles: Role[], at?: string, facts = {}) => {
      const decision = step(onboarding, instance, { event: comment(actor, body, at), roles, facts });
      instance = decision.instance;
      return decision;
    };
    run('maint', '/approve', ['maintainer']);
    expect(instance?.state).toBe('training');
    run('alice', '/module 1\n/module 2\n/module 3\n/module 4', ['author']);
    run('maint', '/module 5\n/quiz 80', ['maintainer']);
    const shadow = run('maint', '/shadow @bob', ['maintainer'], '2026-11-22T08:00:00.000Z');
    const timer = effectsOf(shadow.effects, 'scheduleTimer')[0];
    expect(timer).toMatchObject({
      name: 'shadowWeek',
      dueAt: '2026-11-29T08:00:00.000Z',
      forState: 'training',
    });
    expect(instance?.state).toBe('training');

    const fired = step(onboarding, instance, {
      event: botEvent({
        kind: 'timer.fired',
        at: '2026-11-29T08:00:00.000Z',
        timer: {
          workflow: 'onboarding',
          name: 'shadowWeek',
          forState: 'training',
          forVersion: shadow.instance?.version ?? 0,
        },
      }),
    });
    instance = fired.instance;
    expect(instance?.state).toBe('certification');
    expect(effectsOf(fired.effects, 'setStateLabel')[0]).toMatchObject({ label: 'onboarding/certification' });

    run('alice', '/fleet node-a node-b', ['author']);
    run('maint', `/tasks ${config.onboarding.requiredTasks}`, ['maintainer']);
    const done = run('bob', '/signoff', ['operator', 'peer'], '2026-12-01T12:00:00.000Z');
    expect(instance?.state).toBe('active');
    // Activation appends a stint to the operator's history (it never overwrites a record).
    expect(effectsOf(done.effects, 'recordOperatorEvent')[0]).toMatchObject({
      login: 'alice',
      event: {
        type: 'activated',
        handle: 'Ada Lovelace (ada)',
        wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        chain: 'base',
        nodes: 3,
        region: 'Falkenstein (fsn1)',
        at: '2026-12-01T12:00:00.000Z',
        mentor: 'bob',
        referrer: 'grace',
      },
    });
    expect(effectsOf(done.effects, 'closeIssue')).toHaveLength(1);
    expect(statusOf(done.effects)).toContain('active since 2026-12-01 12:00 UTC');
  });

  it('ignores a shadow timer from an earlier /shadow (restarted shadow week)', () => {
    let instance = step(onboarding, null, { event: opened(completeForm) }).instance;
    instance = step(onboarding, instance, {
      event: comment('maint', '/approve'),
      roles: ['maintainer'],
    }).instance;
    const first = step(onboarding, instance, {
      event: comment('maint', '/shadow @bob'),
      roles: ['maintainer'],
    });
    const second = step(onboarding, first.instance, {
      event: comment('maint', '/shadow @dave'),
      roles: ['maintainer'],
    });
    const stale = botEvent({
      kind: 'timer.fired',
      timer: {
        workflow: 'onboarding',
        name: 'shadowWeek',
        forState: 'training',
        forVersion: first.instance?.version ?? 0,
      },
    });
    const result = step(onboarding, second.instance, { event: stale });
    expect(result.instance).toBe(second.instance);
    expect(result.effects).toEqual([]);
  });

  it('applies a command comment once, even when delivered twice', () => {
    const screening = step(onboarding, null, { event: opened(completeForm) }).instance;
    const approve = comment('maint', '/approve');
    const once = step(onboarding, screening, { event: approve, roles: ['maintainer'] });
    const twice = step(onboarding, once.instance, { event: approve, roles: ['maintainer'] });
    expect(twice.instance).toBe(once.instance);
    expect(twice.effects).toEqual([]);
  });
});

// Who may use which command in which state, from INTERFACE.md — not from the workflow file.
const PEOPLE: Record<string, { roles: Role[]; facts?: object }> = {
  maint: { roles: ['maintainer'] },
  alice: { roles: ['author'] },
  bob: {
    roles: ['operator', 'peer'],
    facts: { actor: activeOperator('bob'), mentioned: { bob: activeOperator('bob') } },
  },
  carol: { roles: [] },
};
const COMMANDS: { body: string; states: string[]; people: string[] }[] = [
  { body: '/approve', states: ['screening'], people: ['maint'] },
  {
    body: '/reject not enough uptime history',
    states: ['incomplete', 'screening', 'training', 'certification'],
    people: ['maint'],
  },
  { body: '/module 2', states: ['training'], people: ['maint', 'alice'] },
  { body: '/quiz 90', states: ['training'], people: ['maint'] },
  { body: '/shadow @bob', states: ['training'], people: ['maint', 'bob'] },
  { body: '/fleet n1 n2', states: ['certification'], people: ['alice'] },
  { body: '/tasks 4', states: ['certification'], people: ['maint'] },
  { body: '/signoff', states: ['certification'], people: ['maint', 'bob'] },
];
const STATES = ['incomplete', 'screening', 'training', 'certification', 'active', 'rejected'];
const cases = COMMANDS.flatMap((c) =>
  STATES.flatMap((state) =>
    Object.keys(PEOPLE).map((person) => ({
      ...c,
      state,
      person,
      allowed: c.states.includes(state) && c.people.includes(person),
    })),
  ),
);

describe('onboarding: every command × state × role', () => {
  it.each(cases)('$body in $state by $person → allowed: $allowed', ({ body, state, person, allowed }) => {
    const instance = instanceIn('onboarding', state, { applicant: 'alice' });
    const who = PEOPLE[person] as { roles: Role[]; facts?: object };
    const { instance: next, effects } = step(onboarding, instance, {
      event: comment(person, body),
      roles: who.roles,
      facts: who.facts ?? {},
    });
    if (allowed) {
      expect(next?.version).toBe(4);
      expect({ state: next?.state, data: next?.data }).not.toEqual({ state, data: instance.data });
    } else {
      expect(next?.state).toBe(state);
      expect(next?.data).toEqual(instance.data);
      expect(next?.version).toBe(3);
      expect(replyOf(effects)).toMatch(/only|not possible/);
    }
  });

  it.each([
    ['/module 9', 'training', 'maint', 'from 1 to 5'],
    ['/module', 'training', 'alice', 'from 1 to 5'],
    ['/quiz lots', 'training', 'maint', 'in percent'],
    ['/quiz 120', 'training', 'maint', 'in percent'],
    ['/shadow bob', 'training', 'maint', 'name the mentor'],
    ['/shadow @alice', 'training', 'maint', 'cannot mentor themselves'],
    ['/fleet only-one', 'certification', 'alice', 'at least 2 distinct nodes'],
    ['/tasks many', 'certification', 'maint', '`/tasks 10`'],
    ['/reject', 'screening', 'maint', 'say why'],
  ])('%s in %s by %s is refused with a reason and changes nothing', (body, state, person, reason) => {
    const instance = instanceIn('onboarding', state, { applicant: 'alice' });
    const who = PEOPLE[person] as { roles: Role[] };
    const { instance: next, effects } = step(onboarding, instance, {
      event: comment(person, body),
      roles: who.roles,
    });
    expect(next?.state).toBe(state);
    expect(next?.data).toEqual(instance.data);
    expect(replyOf(effects)).toContain(reason);
    expect(effectsOf(effects, 'upsertStatusComment')).toEqual([]);
  });

  it('answers /status and /help to anyone, listing only what this person can use', () => {
    const screening = step(onboarding, null, { event: opened(completeForm) }).instance;
    const help = step(onboarding, screening, { event: comment('carol', '/help') });
    // Not among what carol can do; listed below, under what comes next and who does it.
    const [now, next] = replyOf(help.effects).split('**What comes next');
    expect(now).not.toContain('/approve');
    expect(next).toContain('a maintainer: `/approve`');
    const maintainerHelp = step(onboarding, screening, {
      event: comment('maint', '/help'),
      roles: ['maintainer'],
    });
    expect(replyOf(maintainerHelp.effects)).toContain('/approve');
    const status = step(onboarding, screening, { event: comment('carol', '/status') });
    expect(replyOf(status.effects)).toContain('in state **screening**');
  });
});

describe('onboarding: re-application after a termination', () => {
  const terminated = (endedAt: string) => activeOperator('alice', { status: 'terminated', endedAt });
  const planned = completeForm.replace(
    '### Improvement plan (re-applications only)\n\n_No response_',
    '### Improvement plan (re-applications only)\n\nMonitoring with alerts on every node; a second operator on call.',
  );

  it('refuses within the reapply window, naming the date', () => {
    const { instance, effects } = step(onboarding, null, {
      event: opened(completeForm),
      facts: { author: terminated('2026-08-01T00:00:00.000Z') },
    });
    expect(instance?.state).toBe('incomplete');
    expect(statusOf(effects)).toContain('2027-02-01');
  });

  it('demands the improvement plan after it, and accepts the application with one', () => {
    const author = terminated('2026-03-01T00:00:00.000Z');
    expect(step(onboarding, null, { event: opened(completeForm), facts: { author } }).instance?.state).toBe(
      'incomplete',
    );
    expect(step(onboarding, null, { event: opened(planned), facts: { author } }).instance?.state).toBe(
      'screening',
    );
  });
});

// Gitea sends deliveries from several workers, and the catch-up brings a lost one late: the value
// a later comment set stands (Gitea's comment ids, one sequence, say which was written later).
describe('onboarding: a value set by a later comment is not undone by an older one handled after it', () => {
  const commentWithId = (id: number, actor: string, body: string, at: string) =>
    botEvent({
      kind: 'comment.created',
      actor,
      at,
      comment: { id, body, createdAt: at },
      issue: { body: completeForm },
    });

  it.each([
    [
      'the retake `/quiz 90` over the first `/quiz 55`',
      'training',
      'maint',
      '/quiz 55',
      '/quiz 90',
      ['maintainer'],
      { quizScore: 90 },
      '`/quiz`',
    ],
    [
      '`/tasks 12` over `/tasks 8`',
      'certification',
      'maint',
      '/tasks 8',
      '/tasks 12',
      ['maintainer'],
      { tasks: 12 },
      '`/tasks`',
    ],
    [
      '`/fleet c d` over `/fleet a b`',
      'certification',
      'alice',
      '/fleet a b',
      '/fleet c d',
      ['author'],
      { fleet: ['c', 'd'] },
      '`/fleet`',
    ],
  ] as [string, string, string, string, string, Role[], Record<string, unknown>, string][])(
    '%s',
    (_, state, actor, older, later, roles, kept, named) => {
      const start = instanceIn('onboarding', state, { applicant: 'alice', modules: [1, 2, 3, 4, 5] });
      const first = step(onboarding, start, {
        event: commentWithId(602, actor, later, '2026-11-21T10:30:00.000Z'),
        roles,
      });
      expect(first.instance?.data).toMatchObject(kept);
      const late = step(onboarding, first.instance, {
        event: commentWithId(601, actor, older, '2026-11-21T10:00:00.000Z'),
        roles,
      });
      expect(late.instance?.data).toMatchObject(kept);
      expect(replyOf(late.effects)).toContain(
        `not applied: it was written before @${actor}'s ${named} (2026-11-21 10:30:00 UTC), which stands.`,
      );
      // In the order written, each is recorded.
      const inOrder = step(onboarding, start, {
        event: commentWithId(601, actor, older, '2026-11-21T10:00:00.000Z'),
        roles,
      });
      const then = step(onboarding, inOrder.instance, {
        event: commentWithId(602, actor, later, '2026-11-21T10:30:00.000Z'),
        roles,
      });
      expect(then.instance?.data).toMatchObject(kept);
    },
  );
});
