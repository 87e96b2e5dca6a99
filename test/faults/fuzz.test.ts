import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../src/commands/catalog.js';
import type { Role } from '../../src/engine/definition.js';
import type { Instance } from '../../src/engine/instance.js';
import type { BotEvent } from '../../src/gitea/event.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { botEvent } from '../support/events.js';
import { activeOperator, completeForm, step, workflowNamed } from '../support/workflows.js';

const WORKFLOWS = ['onboarding', 'alert', 'exit', 'payroll'] as const;
const TRIGGERS: Record<string, string> = {
  onboarding: 'operator-application',
  alert: 'operator-alert',
  exit: 'exit-notice',
  payroll: 'payroll',
};
const ACTORS = ['alice', 'bob', 'maint', 'carol', 'operator-bot'];
const ROLES: Role[] = ['maintainer', 'author', 'assignee', 'operator', 'mentor', 'peer', 'responsible'];
const ARGS = [
  '',
  '1',
  '5',
  '9',
  '80',
  '101',
  '@bob',
  '@alice',
  'confirm',
  'cancel',
  'access',
  'all',
  '+25',
  '-3',
  'x',
  `0x${'ab'.repeat(32)}`,
];

type Step = {
  kind: 'command' | 'timer' | 'issue';
  name: string;
  args: string[];
  actor: string;
  roles: Role[];
  minutes: number;
  version: number;
};

const stepArbitrary = (commands: string[], timers: string[]) =>
  fc.record({
    kind: fc.constantFrom<Step['kind']>('command', 'command', 'command', 'timer', 'issue'),
    name: fc.constantFrom(...commands, ...timers, 'edited', 'closed', 'reopened', 'assigned'),
    args: fc.array(fc.constantFrom(...ARGS), { maxLength: 3 }),
    actor: fc.constantFrom(...ACTORS),
    roles: fc.subarray(ROLES),
    minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }),
    version: fc.integer({ min: 0, max: 12 }),
  });

function eventOf(workflow: string, s: Step, at: string, id: number): BotEvent {
  const issue = {
    labels: [TRIGGERS[workflow] ?? ''],
    body: workflow === 'onboarding' ? completeForm : 'Gateway down',
    author: 'alice',
  };
  if (s.kind === 'command') {
    return botEvent({
      kind: 'comment.created',
      actor: s.actor,
      at,
      issue,
      comment: { id, body: `/${s.name} ${s.args.join(' ')}`, createdAt: at },
    });
  }
  if (s.kind === 'timer') {
    return botEvent({
      kind: 'timer.fired',
      at,
      issue,
      timer: { workflow, name: s.name, forState: 'any', forVersion: s.version },
    });
  }
  const kind =
    (
      {
        edited: 'issue.edited',
        closed: 'issue.closed',
        reopened: 'issue.reopened',
        assigned: 'issue.assigned',
      } as const
    )[s.name as 'edited'] ?? 'issue.edited';
  return botEvent({
    kind,
    actor: s.actor,
    at,
    issue: { ...issue, assignees: s.name === 'assigned' ? ['bob'] : [] },
  });
}

describe('a random stream of events keeps every workflow in a legal state', () => {
  it.each(WORKFLOWS)('%s', (name) => {
    const workflow = workflowNamed(name);
    const states = new Set(Object.keys(workflow.definition.states));
    const scope = `${workflow.definition.labelScope}/`;
    const timers = Object.keys(workflow.definition.timers);
    fc.assert(
      fc.property(
        fc.array(stepArbitrary(commandNames(workflow.definition), timers), { maxLength: 25 }),
        (steps) => {
          let instance: Instance | null = step(workflow, null, {
            event: botEvent({
              kind: 'issue.opened',
              at: '2026-11-01T00:00:00.000Z',
              issue: { labels: [TRIGGERS[name] ?? ''], body: completeForm, author: 'alice' },
            }),
            facts: { author: activeOperator('alice'), botLogin: 'operator-bot' },
          }).instance;
          let time = Date.parse('2026-11-01T00:00:00.000Z');
          for (const [i, s] of steps.entries()) {
            time += s.minutes * 60_000;
            const event = eventOf(name, s, new Date(time).toISOString(), 10_000 + i);
            const before: Instance | null = instance;
            const decision = step(workflow, instance, {
              event,
              roles: s.roles,
              facts: {
                author: activeOperator('alice'),
                actor: activeOperator(s.actor),
                botLogin: 'operator-bot',
              },
            });
            instance = decision.instance;
            if (instance) {
              expect(states.has(instance.state)).toBe(true);
              expect(instance.version).toBeGreaterThanOrEqual(before?.version ?? 0);
            }
            for (const effect of decision.effects) {
              if (effect.type === 'setStateLabel' && effect.scope === workflow.definition.labelScope) {
                expect(effect.label.startsWith(scope)).toBe(true);
                expect(states.has(effect.label.slice(scope.length))).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('webhook schemas', () => {
  it('never throw on arbitrary JSON, and refuse what is not a Gitea delivery', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('issues', 'issue_label', 'issue_assign', 'issue_comment', 'push'),
        fc.jsonValue(),
        (type, payload) => {
          const result = normalizeDelivery(type, payload);
          expect(['unsupported', 'invalid']).toContain(result.outcome);
        },
      ),
      { numRuns: 500 },
    );
  });
});
