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
const run = (
  body: string,
  options: { roles?: Role[]; facts?: Partial<CommandFacts>; claimed?: string[] } = {},
) =>
  programCommandEffects({
    commands: PROGRAM_COMMANDS,
    claimed: new Set(options.claimed ?? []),
    event: botEvent({
      kind: 'comment.created',
      actor: 'bob',
      at: AT,
      comment: { id: 55, body, createdAt: AT },
    }),
    config: defaultProgramConfig(),
    facts: {
      otherOpenIssues: [],
      mentioned: {},
      actorReportWeeks: {},
      actor: activeOperator('bob'),
      ...options.facts,
    },
    roles: new Set<Role>(['anyone', ...(options.roles ?? ['operator'])]),
  });
const answer = (effects: Effect[]) =>
  (effects.find((e) => e.type === 'reply') as { body: string } | undefined)?.body;

describe('/report in any issue', () => {
  it('stores the report for the previous ISO week and echoes it', () => {
    const effects = run('/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70');
    expect(effects[0]).toEqual({
      type: 'storeReport',
      login: 'bob',
      report: {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        cpuPercent: 35,
        memPercent: 60,
        diskPercent: 70,
      },
      source: { issue: 'fleet/program#7', commentId: 55, at: AT },
    });
    expect(answer(effects)).toContain('2026-W47');
    expect(answer(effects)).not.toContain('replaces');
  });

  it('reads the multi-line form a script prints', () => {
    const effects = run(
      '/report\nuptime: 99.9%\ntasks: 10/10\ncpu: 20%\nmem: 30%\ndisk: 40%\nweek: 2026-W46',
    );
    expect(effects[0]).toMatchObject({
      type: 'storeReport',
      report: { week: '2026-W46', uptimePercent: 99.9, tasksCompleted: 10 },
    });
  });

  it('says when a report replaces an earlier one for the same week (but not when the same comment is replayed)', () => {
    expect(
      answer(run('/report uptime=99 tasks=1/1', { facts: { actorReportWeeks: { '2026-W47': 12 } } })),
    ).toContain('replaces');
    expect(
      answer(run('/report uptime=99 tasks=1/1', { facts: { actorReportWeeks: { '2026-W47': 55 } } })),
    ).not.toContain('replaces');
  });

  it('names every bad value and stores nothing', () => {
    const effects = run('/report uptime=101 tasks=45/44');
    expect(effects.map((e) => e.type)).toEqual(['reply']);
    expect(answer(effects)).toMatch(/uptime[\s\S]*tasks/);
  });

  it('refuses someone who is not a registered operator', () => {
    const effects = run('/report uptime=99 tasks=1/1', { roles: [], facts: { actor: undefined } });
    expect(effects.map((e) => e.type)).toEqual(['reply']);
    expect(answer(effects)).toContain('only a registered operator');
  });

  it('leaves a command to the workflow of the issue when it answers it', () => {
    expect(run('/help', { claimed: ['help'] })).toEqual([]);
  });

  it('answers /help with the commands this person may use', () => {
    expect(answer(run('/help'))).toContain('/report');
    expect(answer(run('/help', { roles: [] }))).not.toContain('/report');
  });

  it('ignores prose and unknown commands', () => {
    expect(run('Thanks! /report is great\n/frobnicate')).toEqual([]);
  });
});
