import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../../src/app/program.js';
import { PROGRAM_COMMANDS } from '../../../src/commands/program.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import type { BotEvent } from '../../../src/gitea/event.js';
import { learn, type PlanContext, planReplay, type SeenPeople } from '../../../src/rebuild/replay-plan.js';

const context: PlanContext = {
  definitions: loadProgram(defaultProgramConfig()).workflows.map((w) => w.definition),
  programCommands: new Set(PROGRAM_COMMANDS.map((c) => c.name)),
  configLogins: ['Lead'],
};
const REPO = 'fleet/program';
const none = (): SeenPeople => ({ loginOfId: new Map(), idOfLogin: new Map() });

/** An event of issue 1 by `ada` (id 1), by `actor` (default: ada). */
function event(over: {
  labels?: string[];
  actor?: [string, number];
  body?: string;
  number?: number;
  internal?: boolean;
}): BotEvent {
  const [actor, actorId] = over.actor ?? ['ada', 1];
  return {
    kind: over.body === undefined ? 'issue.opened' : 'comment.created',
    repo: REPO,
    issue: {
      number: over.number ?? 1,
      id: over.number ?? 1,
      title: 't',
      body: 'b',
      author: 'ada',
      authorId: 1,
      state: 'open',
      labels: over.labels ?? ['operator-application'],
      assignees: [],
      createdAt: '2026-09-01T09:00:00.000Z',
      isPull: false,
    },
    actor,
    actorId,
    at: '2026-09-01T09:00:00.000Z',
    ...(over.body === undefined
      ? {}
      : { comment: { id: 7, body: over.body, createdAt: '2026-09-01T09:00:00.000Z' } }),
    ...(over.internal ? { internal: true } : {}),
  };
}

const known = (): SeenPeople => ({
  loginOfId: new Map([
    [1, 'ada'],
    [2, 'maint'],
  ]),
  idOfLogin: new Map([
    ['ada', 1],
    ['maint', 2],
  ]),
});
const plan1 = (e: BotEvent, seen = known()) => planReplay([e], context, seen)[0];

describe('the replay plan', () => {
  it.each([
    ['an application opened', event({})],
    ['an application issue without commands', event({ body: 'thanks!', actor: ['maint', 2] })],
    ['a maintainer’s /approve', event({ body: '/approve', actor: ['maint', 2] })],
    ['an applicant’s /module 1', event({ body: '/module 1' })],
    ['an issue no workflow acts on', event({ labels: [] })],
  ])('%s shares the replay', (_, e) => {
    expect(plan1(e)?.serial).not.toBe(true);
  });

  it.each([
    ['an alert', event({ labels: ['operator-alert'] })],
    ['an exit', event({ labels: ['exit-notice'] })],
    ['a payroll issue', event({ labels: ['payroll'], internal: true })],
    ['an issue carrying a bot scope label', event({ labels: ['operator-application', 'alert/open'] })],
    ['a program command (/report)', event({ body: '/report uptime=99 tasks=1/1 week=2026-W40' })],
    ['a /ping (sets a timer)', event({ body: '/ping @maint please look' })],
    ['an @login argument (learnt from Gitea)', event({ body: '/shadow @bob', actor: ['maint', 2] })],
    ['/help (not the workflow’s own)', event({ body: '/help' })],
    ['an event the bot made (internal)', event({ internal: true })],
    ['a known id under another login (a rename)', event({ body: '/module 1', actor: ['ada2', 1] })],
    ['a login now held by another id', event({ body: '/approve', actor: ['maint', 9] })],
  ])('%s runs alone', (_, e) => {
    expect(plan1(e)).toEqual({ serial: true });
  });

  it('writes its issue and its author, reads its actor and the config’s people', () => {
    expect(plan1(event({ body: '/approve', actor: ['maint', 2] }))).toEqual({
      reads: ['login:maint', 'id:2', 'login:lead'],
      writes: ['issue:fleet/program#1', 'login:ada', 'id:1'],
    });
  });

  it('writes a person it sees for the first time (the bot learns them)', () => {
    expect(plan1(event({ body: '/approve', actor: ['newbie', 5] }))).toEqual({
      reads: ['login:lead'],
      writes: ['issue:fleet/program#1', 'login:ada', 'id:1', 'login:newbie', 'id:5'],
    });
  });

  it('follows the history: a person first seen shares, the same person renamed later runs alone', () => {
    const accesses = planReplay(
      [event({ body: '/module 1' }), event({ body: '/module 2', actor: ['ada-renamed', 1] })],
      context,
      none(),
    );
    expect(accesses.map((a) => a.serial === true)).toEqual([false, true]);
  });

  it('learns as people.learn does: new, same, then changed for a new login or a login changing hands', () => {
    const seen = none();
    expect(learn(seen, 1, 'ada')).toBe('new');
    expect(learn(seen, 1, 'ada')).toBe('same');
    expect(learn(seen, 1, 'Ada')).toBe('changed');
    expect(learn(seen, 2, 'ada')).toBe('changed');
    expect(seen.idOfLogin.get('ada')).toBe(2);
    expect(learn(seen, 3, 'bob')).toBe('new');
  });

  it('shares every onboarding command of people it has seen unchanged, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('/approve', '/module 1', 'thanks!', '/quiz 80'), { maxLength: 10 }),
        (bodies) => {
          const events = bodies.map((body, i) => event({ body, number: i + 1, actor: ['maint', 2] }));
          const accesses = planReplay(events, context, known());
          expect(accesses.every((a) => a.serial !== true)).toBe(true);
        },
      ),
    );
  });
});
