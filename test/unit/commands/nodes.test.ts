import { describe, expect, it } from 'vitest';
import type { CommandFacts } from '../../../src/commands/command.js';
import { PROGRAM_COMMANDS } from '../../../src/commands/program.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import type { Role } from '../../../src/engine/definition.js';
import type { Effect } from '../../../src/engine/effects.js';
import { programCommandEffects } from '../../support/commands.js';
import { botEvent } from '../../support/events.js';
import { activeOperator } from '../../support/workflows.js';

const AT = '2026-11-25T10:00:00.000Z';
const run = (body: string, actor: string, roles: Role[], facts: Partial<CommandFacts> = {}) =>
  programCommandEffects({
    commands: PROGRAM_COMMANDS,
    claimed: new Set(),
    event: botEvent({ kind: 'comment.created', actor, at: AT, comment: { id: 56, body, createdAt: AT } }),
    config: defaultProgramConfig(),
    facts: {
      otherOpenIssues: [],
      mentioned: { bob: activeOperator('bob', { nodes: 3 }) },
      actorReportWeeks: {},
      ...facts,
    },
    roles: new Set<Role>(['anyone', ...roles]),
  });
const answer = (effects: Effect[]) =>
  (effects.find((e) => e.type === 'reply') as { body: string } | undefined)?.body ?? '';
const events = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'recordOperatorEvent' ? [{ login: e.login, event: e.event }] : []));

describe('/nodes', () => {
  it.each([
    ['/nodes @bob 7 from 2026-11-15', '2026-11-15'],
    ['/nodes @bob 7 2026-11-15', '2026-11-15'],
    ['/nodes @bob 7', '2026-11-25'],
    ['/nodes @bob 7 2026-10-01', '2026-10-01'],
  ])('%s: a maintainer sets the count from %s', (body, from) => {
    const effects = run(body, 'maint', ['maintainer']);
    expect(events(effects)).toEqual([
      {
        login: 'bob',
        event: { id: 'nodes:fleet/program#7:56', type: 'nodes', at: AT, by: 'maint', from, nodes: 7 },
      },
    ]);
    expect(answer(effects)).toContain(`@bob runs 7 node(s) from ${from} (was 3)`);
  });

  it.each([
    ['/nodes @bob seven', 'whole number from 1 to 1000'],
    ['/nodes @bob 0', 'whole number from 1 to 1000'],
    ['/nodes @bob 7 15/11/2026', 'write it as YYYY-MM-DD'],
    ['/nodes @bob 7 2026-02-30', 'write it as YYYY-MM-DD'],
    ['/nodes @bob 7 from 2026-09-30', 'from 2026-10-01 at the earliest'],
    ['/nodes @carol 7', '`@\u200bcarol` is not an operator on the program'],
    ['/nodes @bob confirm', '@bob has no node change waiting'],
  ])('%s is refused, naming the fix (%s)', (body, reason) => {
    const effects = run(body, 'maint', ['maintainer']);
    expect(events(effects)).toEqual([]);
    expect(answer(effects)).toContain(reason);
  });

  it.each([
    ['/nodes @bob 7 from 2026-10-15', 'refused'],
    ['/nodes @bob 7 2026-10-31', 'refused'],
    ['/nodes @bob 7 2026-11-01', 'recorded'],
    ['/nodes @bob 7', 'recorded'],
  ])('%s once October is paid: %s', (body, outcome) => {
    const effects = run(body, 'maint', ['maintainer'], { paidMonths: ['2026-10'] });
    expect(events(effects)).toHaveLength(outcome === 'refused' ? 0 : 1);
    if (outcome === 'refused')
      expect(answer(effects)).toContain(
        '2026-10 is paid and closed, so a change cannot take effect in it: write a day from 2026-11-01 on',
      );
  });

  it('an operator’s request from a day in a paid month is refused too, and so is its confirmation', () => {
    const paid = { paidMonths: ['2026-10'] };
    expect(
      answer(run('/nodes 9 2026-10-20', 'bob', ['operator'], { ...paid, actor: activeOperator('bob') })),
    ).toContain('2026-10 is paid and closed');
    const bob = {
      ...activeOperator('bob', { nodes: 3 }),
      pendingNodes: { nodes: 9, from: '2026-10-20', at: AT },
    };
    const effects = run('/nodes @bob confirm', 'maint', ['maintainer'], { ...paid, mentioned: { bob } });
    expect(events(effects)).toEqual([]);
    expect(answer(effects)).toContain('2026-10 is paid and closed');
  });

  it('an operator’s /nodes N is a request the maintainers are asked to confirm; /nodes @op confirm applies it', () => {
    const requested = run('/nodes 5 from 2026-12-01', 'bob', ['operator'], {
      actor: activeOperator('bob', { nodes: 3 }),
    });
    expect(events(requested)[0]?.event).toMatchObject({
      type: 'nodes-requested',
      nodes: 5,
      from: '2026-12-01',
    });
    expect(answer(requested)).toContain(
      'asks to run 5 node(s) from 2026-12-01 (now 3). Confirm with `/nodes @bob confirm`',
    );

    const pending = { nodes: 5, from: '2026-12-01', at: AT };
    const confirmed = run('/nodes @bob confirm', 'maint', ['maintainer'], {
      mentioned: { bob: activeOperator('bob', { nodes: 3, pendingNodes: pending }) },
    });
    expect(events(confirmed)[0]?.event).toMatchObject({
      type: 'nodes',
      nodes: 5,
      from: '2026-12-01',
      by: 'maint',
    });
  });

  it('an operator cannot set another operator’s count, and a non-operator gets told who may', () => {
    expect(answer(run('/nodes @bob 9', 'bob', ['operator']))).toContain(
      'only maintainers change another operator',
    );
    expect(answer(run('/nodes 9', 'carol', []))).toContain('only a maintainer or a');
  });
});
