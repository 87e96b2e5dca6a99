import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCommands } from '../../../src/commands/any-issue.js';
import { commandCatalog } from '../../../src/commands/catalog.js';
import { PROGRAM_COMMANDS } from '../../../src/commands/program.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { parseCommands } from '../../../src/domain/commands/parse.js';
import type { OperatorRecord } from '../../../src/domain/operator-record.js';
import { decide } from '../../../src/engine/decide.js';
import type { Role } from '../../../src/engine/definition.js';
import type { Facts } from '../../../src/engine/module.js';
import type { BotEvent } from '../../../src/gitea/event.js';
import { decideAsActor } from '../../../src/worker/actor-roles.js';
import { botEvent } from '../../support/events.js';
import { activeOperator, instanceIn, templates, workflowNamed } from '../../support/workflows.js';

/**
 * The promise of src/worker/actor-roles.ts, checked on the real workflows and program commands:
 * whatever the event, the instance and the people, the decision made with the maintainer role
 * asked only when it is looked at is the one made with the role asked up front (the same
 * instance, effects and answers, or the same failure), and Gitea is asked at most once.
 */
const config = defaultProgramConfig();
const PEOPLE = ['alice', 'bob', 'carol'] as const;
const WORKFLOWS = {
  alert: {
    severity: 'critical',
    because: 'runbook class: gateway down',
    responsible: 'bob',
    openedAt: '2026-11-20T09:00:00.000Z',
    ackDeadline: '2026-11-20T09:30:00.000Z',
  },
  onboarding: { applicant: 'alice', mentor: 'carol', modules: [1, 2] },
  exit: { kind: 'notice', operator: 'alice', openedAt: '2026-11-01T00:00:00.000Z', lastDay: '2026-12-01' },
  payroll: { month: '2026-10' },
} as const;
const ARGS = [
  '',
  '1',
  '90',
  '@carol',
  '@bob',
  '@alice',
  'warning',
  'critical',
  'confirm',
  'cancel',
  'fixed it',
  '3',
];
const PERSON_KINDS = [
  'comment.created',
  'issue.closed',
  'issue.reopened',
  'issue.labeled',
  'issue.assigned',
] as const;

type Outcome = { decided: unknown } | { failed: string };
const outcome = async (run: () => unknown): Promise<Outcome> => {
  try {
    return { decided: await run() };
  } catch (error) {
    return { failed: String(error) };
  }
};

/** The roles as the worker held them before: known ones, and `maintainer` as Gitea says, asked first. */
const upFront = (
  event: BotEvent,
  instance: Parameters<typeof decideAsActor>[1],
  facts: Facts,
  isOne: boolean,
) =>
  decideAsActor(
    event,
    instance,
    facts,
    async () => isOne,
    (roles) => new Set<Role>(roles),
  );

const registered = (login: string): OperatorRecord | undefined =>
  login === 'alice' ? undefined : activeOperator(login);

describe('the lazy maintainer check on the real decisions (property)', () => {
  it('every workflow: the same decision as with the role asked up front', async () => {
    let differ = 0;
    const name = fc.constantFrom(...(Object.keys(WORKFLOWS) as (keyof typeof WORKFLOWS)[]));
    await fc.assert(
      fc.asyncProperty(
        name.chain((workflow) => {
          const definition = workflowNamed(workflow, config).definition;
          const commands = [
            'help',
            'status',
            ...new Set(
              definition.transitions.map((t) => t.on).filter((on) => !on.includes(':') && on !== 'auto'),
            ),
          ];
          return fc.record({
            workflow: fc.constant(workflow),
            state: fc.constantFrom(...Object.keys(definition.states)),
            kind: fc.constantFrom(...PERSON_KINDS),
            lines: fc.array(fc.tuple(fc.constantFrom(...commands), fc.constantFrom(...ARGS)), {
              minLength: 1,
              maxLength: 3,
            }),
            actor: fc.constantFrom(...PEOPLE),
            assignees: fc.subarray([...PEOPLE]),
            stateLabel: fc.boolean(),
            registered: fc.boolean(),
            isOne: fc.boolean(),
          });
        }),
        async (c) => {
          const module = workflowNamed(c.workflow, config);
          const { definition } = module;
          const instance = instanceIn(c.workflow, c.state, { ...WORKFLOWS[c.workflow] });
          const body = c.lines.map(([command, arg]) => `/${command} ${arg}`.trim()).join('\n');
          const event = botEvent({
            kind: c.kind,
            actor: c.actor,
            issue: {
              labels: [definition.trigger, ...(c.stateLabel ? [`${definition.labelScope}/${c.state}`] : [])],
              assignees: c.assignees,
              state: c.kind === 'issue.closed' ? 'closed' : 'open',
            },
            ...(c.kind === 'comment.created'
              ? { comment: { id: 501, body, createdAt: '2026-11-20T10:00:00.000Z' } }
              : {}),
          });
          const actorRecord = c.registered ? registered(c.actor) : undefined;
          const facts: Facts = {
            otherOpenIssues: [],
            mentioned: { bob: activeOperator('bob'), carol: activeOperator('carol') },
            botLogin: 'operator-bot',
            ...(actorRecord ? { actor: actorRecord } : {}),
          };
          const names = new Set(definition.transitions.map((t) => t.on).concat(['help', 'status']));
          const commands = event.comment
            ? parseCommands(event.comment.body).filter((l) => names.has(l.name))
            : [];
          const decideWith = (roles: ReadonlySet<Role>) =>
            decide({
              workflow: module,
              instance,
              event,
              config,
              facts,
              roles,
              render: templates.render,
              commands,
              anywhere: PROGRAM_COMMANDS,
            });
          const asked: string[] = [];
          const lazy = await outcome(() =>
            decideAsActor(
              event,
              instance,
              facts,
              async (login) => {
                asked.push(login);
                return c.isOne;
              },
              decideWith,
            ),
          );
          const eager = await outcome(async () => decideWith(await upFront(event, instance, facts, c.isOne)));
          expect(lazy).toEqual(eager);
          expect(asked.length).toBeLessThanOrEqual(1);
          const other = await outcome(async () =>
            decideWith(await upFront(event, instance, facts, !c.isOne)),
          );
          if (JSON.stringify(other) !== JSON.stringify(eager)) differ++;
        },
      ),
      { numRuns: 400 },
    );
    // The property exercised the role: many of these decisions were a maintainer's to make.
    expect(differ).toBeGreaterThan(40);
  });

  it('program commands: the same effects and answers as with the role asked up front', async () => {
    let differ = 0;
    const catalog = commandCatalog(Object.keys(WORKFLOWS).map((w) => workflowNamed(w, config).definition));
    const names = PROGRAM_COMMANDS.map((command) => command.name);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names, 'approve', 'ack'), fc.constantFrom(...ARGS)), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(...PEOPLE),
        fc.boolean(),
        fc.boolean(),
        async (lines, actor, isRegistered, isOne) => {
          const body = lines.map(([command, arg]) => `/${command} ${arg}`.trim()).join('\n');
          const event = botEvent({
            kind: 'comment.created',
            actor,
            issue: { labels: [], author: 'bob' },
            comment: { id: 502, body, createdAt: '2026-11-20T10:00:00.000Z' },
          });
          const actorRecord = isRegistered ? registered(actor) : undefined;
          const facts: Facts = {
            otherOpenIssues: [],
            mentioned: { bob: activeOperator('bob'), carol: activeOperator('carol') },
            botLogin: 'operator-bot',
            ...(actorRecord ? { actor: actorRecord } : {}),
          };
          const decideWith = (roles: ReadonlySet<Role>) =>
            decideCommands({
              commands: PROGRAM_COMMANDS,
              catalog,
              lines: parseCommands(body),
              event,
              config,
              facts: { ...facts, actorReportWeeks: {}, paidMonths: [] },
              roles,
            });
          const lazy = await outcome(() => decideAsActor(event, null, facts, async () => isOne, decideWith));
          const eager = await outcome(async () => decideWith(await upFront(event, null, facts, isOne)));
          expect(lazy).toEqual(eager);
          const other = await outcome(async () => decideWith(await upFront(event, null, facts, !isOne)));
          if (JSON.stringify(other) !== JSON.stringify(eager)) differ++;
        },
      ),
      { numRuns: 300 },
    );
    expect(differ).toBeGreaterThan(30);
  });
});
