import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/engine/definition.js';
import type { Effect } from '../../../src/engine/effects.js';
import { botEvent } from '../../support/events.js';
import { instanceIn, step, workflowNamed } from '../../support/workflows.js';

const COMMANDS = [
  '/approve',
  '/reject',
  '/module',
  '/quiz',
  '/shadow',
  '/fleet',
  '/tasks',
  '/signoff',
  '/ack',
  '/resolve',
  '/severity',
  '/done',
  '/confirm',
  '/release',
  '/paid',
  '/terminate',
  '/adjust',
  '/hold',
  '/unhold',
];

function ask(workflow: string, state: string, body: string, roles: Role[]) {
  const instance = instanceIn(workflow, state, {
    applicant: 'alice',
    operator: 'bob',
    kind: 'notice',
    openedAt: '2026-11-20T10:00:00.000Z',
    severity: 'critical',
    because: 'form',
    ackDeadline: '2026-11-20T10:30:00.000Z',
    responsible: 'bob',
    month: '2026-11',
  });

  const at = '2026-11-21T10:00:00.000Z';
  const { effects } = step(workflowNamed(workflow), instance, {
    event: botEvent({ kind: 'comment.created', at, comment: { id: 99, body, createdAt: at } }),
    roles,
  });
  return (
    (effects.find((e) => e.type === 'reply') as Extract<Effect, { type: 'reply' }> | undefined)?.body ?? ''
  );
}

/** The commands in the "what you can do now" part of the reply (above what comes next, by whom). */
const listed = (reply: string) => {
  const now = reply.split('**What comes next')[0] ?? '';
  return COMMANDS.filter((command) => now.includes(`\`${command}`));
};

// What each person may use, by INTERFACE.md's command table.
describe('/help lists the commands this person can use here, and only those', () => {
  it.each([
    ['onboarding', 'screening', ['maintainer'], ['/approve', '/reject']],
    ['onboarding', 'screening', ['author'], []],
    ['onboarding', 'training', ['author'], ['/module']],
    ['onboarding', 'training', ['maintainer'], ['/reject', '/module', '/quiz', '/shadow']],
    ['onboarding', 'certification', ['author'], ['/fleet']],
    ['onboarding', 'certification', ['operator', 'peer'], ['/signoff']],
    // Only a maintainer reclassifies (workflows/alert.yaml): for the operator it is under what comes next.
    ['alert', 'open', ['responsible'], ['/ack', '/resolve']],
    ['alert', 'acknowledged', ['maintainer'], ['/resolve', '/severity']],
    ['alert', 'open', [], []],
    ['exit', 'notice', ['author'], ['/done']],
    ['exit', 'notice', ['maintainer'], ['/confirm', '/release']],
    ['exit', 'payout', ['maintainer'], ['/paid']],
    ['payroll', 'review', ['maintainer'], ['/adjust', '/hold', '/unhold', '/approve']],
    ['payroll', 'approved', ['maintainer'], ['/adjust', '/hold', '/unhold', '/paid']],
    ['payroll', 'review', [], []],
  ] as [string, string, Role[], string[]][])('%s in %s for %j', (workflow, state, roles, expected) => {
    const reply = ask(workflow, state, '/help', roles);
    expect(listed(reply).sort()).toEqual([...expected].sort());
    expect(reply).toContain('`/status`');
  });
});

describe('/status answers with the short state; the diagram stays folded in the status comment', () => {
  it.each([
    ['onboarding', 'training'],
    ['alert', 'escalated'],
    ['exit', 'notice'],
    ['payroll', 'review'],
  ])('%s in %s', (workflow, state) => {
    const reply = ask(workflow, state, '/status', []);
    expect(reply).toContain(`in state **${state}**: `);
    expect(reply).not.toContain('mermaid');
    expect(reply.split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('/help: prose descriptions, now for this person, then what comes next and who does it', () => {
  it('puts only the command in the code span', () => {
    const reply = ask('onboarding', 'screening', '/help', ['maintainer']);
    expect(reply).toMatch(/^- `\/approve` — \S/m);
    expect(reply).not.toMatch(/`[^`\n]* — [^`\n]*`/);
  });

  it('tells the applicant in screening that a maintainer acts next, and how', () => {
    const reply = ask('onboarding', 'screening', '/help', ['author']);
    const [now = '', next = ''] = reply.split('**What comes next in this workflow, and who does it:**');
    expect(now).toContain('**What you can do here now**');
    expect(now).not.toContain('/approve');
    expect(next).toMatch(/^- a maintainer: `\/approve` — /m);
    expect(next).toMatch(/^- a maintainer: `\/reject REASON` — /m);
  });
});

describe('/help in a workflow issue also lists the commands usable in any issue', () => {
  it.each([
    [['operator'] as Role[], ['/report', '/rotated', '/partner-report'], ['/ping', '/terminate']],
    [['maintainer'] as Role[], ['/ping', '/terminate'], ['/report']],
  ])('for %j', async (roles, present, absent) => {
    const { PROGRAM_COMMANDS } = await import('../../../src/commands/program.js');
    const at = '2026-11-21T10:00:00.000Z';
    const { effects } = step(
      workflowNamed('onboarding'),
      instanceIn('onboarding', 'screening', { applicant: 'alice' }),
      {
        event: botEvent({ kind: 'comment.created', at, comment: { id: 5, body: '/help', createdAt: at } }),
        roles,
        anywhere: PROGRAM_COMMANDS,
      },
    );
    const reply = (effects.find((e) => e.type === 'reply') as { body: string }).body;
    expect(reply).toContain('In any issue:');
    for (const command of present) expect(reply).toContain(`\`${command}`);
    for (const command of absent) expect(reply).not.toContain(`\`${command}`);
  });
});
