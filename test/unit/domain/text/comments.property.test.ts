import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../../../src/commands/catalog.js';
import { PROGRAM_COMMANDS } from '../../../../src/commands/program.js';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import { programHealth } from '../../../../src/domain/health/program-health.js';
import { computePayroll } from '../../../../src/domain/payroll/index.js';
import type { Role } from '../../../../src/engine/definition.js';
import type { Effect } from '../../../../src/engine/effects.js';
import { type Instance, instanceSchema } from '../../../../src/engine/instance.js';
import { programCommandEffects } from '../../../support/commands.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, step, templates, workflowNamed } from '../../../support/workflows.js';
import { hostileText, liveMentions, rawHtml } from './hostile.js';

/**
 * Random text a person could type (hostile pieces, any Unicode, 10 kB lines) through every
 * command's reply and every status template: the comment the bot would write has no live
 * mention but those it means, no HTML and no marker.
 */
const config = defaultProgramConfig();
const ROLES: Role[] = ['maintainer', 'author', 'assignee', 'operator', 'mentor', 'peer', 'responsible'];
const FIXTURES = new URL('../../../fixtures/templates/', import.meta.url);

type Example = { workflow?: string; instance?: unknown; payrollInput?: Record<string, unknown> };
const examples = (name: string): Example[] =>
  JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')).examples;
const workflowExamples = ['alert-status', 'exit-status', 'onboarding-status', 'payroll-status'].flatMap(
  (file) =>
    examples(file).map((example) => ({ ...example, instance: instanceSchema.parse(example.instance) })),
);

/** Logins the fixtures and the config name: the only people a bot comment may mention. */
const KNOWN = new Set(
  [
    ...JSON.stringify(workflowExamples).matchAll(
      /"(?:login|operator|applicant|responsible|by|mentor|partner|referred|referrer|acknowledgedBy|resolvedBy)":"([^"]+)"/g,
    ),
  ]
    .map((m) => (m[1] ?? '').toLowerCase())
    .concat(
      config.escalation.contacts.map((c) => c.toLowerCase()),
      ['maint'],
    ),
);

function payrollExtra(example: Example) {
  if (!example.payrollInput) return undefined;
  return { input: { ...example.payrollInput, config }, storedPayments: [] };
}

function withSnapshot(example: Example & { instance: Instance }): Instance {
  const instance = structuredClone(example.instance);
  if (example.payrollInput) {
    const data = instance.data as { adjustments?: never[]; holds?: never[] };
    instance.data.snapshot = computePayroll({
      ...(example.payrollInput as unknown as Parameters<typeof computePayroll>[0]),
      adjustments: data.adjustments ?? [],
      holds: data.holds ?? [],
      config,
    });
  }
  return instance;
}

function assertInert(body: string, allowed: ReadonlySet<string>) {
  for (const login of liveMentions(body)) expect(allowed, `mention of @${login}`).toContain(login);
  expect(rawHtml(body)).toEqual([]);
  expect(body).not.toContain('<!--');
}

const bodies = (effects: Effect[]) =>
  effects.flatMap((e) =>
    e.type === 'reply' || e.type === 'postNote' || e.type === 'upsertStatusComment'
      ? [e.body]
      : e.type === 'openProgramIssue'
        ? [e.issue.title, e.issue.body]
        : [],
  );

/**
 * Command lines around the text: bare, after a known operator, and after an operator and a valid
 * first argument (an amount, a count, a checksummed wallet), so that later arguments are read too.
 */
const lines = (name: string, text: string, login: string) => [
  `/${name} ${text}`,
  `/${name} @${login} ${text}`,
  `/${name} @${login} +10 ${text}`,
  `/${name} @${login} 7 ${text}`,
  `/${name} @${login} 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ${text}`,
];

describe('property: a person’s text never becomes markup, a mention or a marker in a bot comment', () => {
  for (const example of workflowExamples) {
    const name = example.workflow ?? '';
    it(`every command of the ${name} workflow in state ${example.instance.state}`, () => {
      const workflow = workflowNamed(name);
      const instance = withSnapshot(example);
      const extra = payrollExtra(example);
      const login = [...KNOWN][0] ?? 'bob';
      const mentioned = Object.fromEntries([...KNOWN].map((l) => [l, activeOperator(l)]));
      fc.assert(
        fc.property(hostileText, (text) => {
          for (const command of commandNames(workflow.definition)) {
            for (const body of lines(command, text, login)) {
              const decision = step(workflow, instance, {
                event: botEvent({
                  kind: 'comment.created',
                  actor: 'maint',
                  comment: { id: 4242, body, createdAt: '2026-11-30T10:00:00.000Z' },
                  at: '2026-11-30T10:00:00.000Z',
                  issue: { author: 'bob-fsn', labels: [workflow.definition.trigger] },
                }),
                roles: ROLES,
                facts: { actor: activeOperator('maint'), mentioned, ...(extra ? { extra } : {}) },
              });
              for (const out of bodies(decision.effects)) assertInert(out, KNOWN);
            }
          }
        }),
        { numRuns: 15 },
      );
    });
  }

  it('every program command (any issue)', () => {
    const mentioned = Object.fromEntries([...KNOWN].map((l) => [l, activeOperator(l)]));
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const command of PROGRAM_COMMANDS) {
          for (const body of lines(command.name, text, 'bob-fsn')) {
            const effects = programCommandEffects({
              commands: PROGRAM_COMMANDS,
              claimed: new Set(),
              event: botEvent({
                kind: 'comment.created',
                actor: 'maint',
                comment: { id: 4243, body, createdAt: '2026-11-30T10:00:00.000Z' },
                at: '2026-11-30T10:00:00.000Z',
              }),
              config,
              facts: { otherOpenIssues: [], mentioned, actorReportWeeks: {}, actor: activeOperator('maint') },
              roles: new Set<Role>(['anyone', ...ROLES]),
            });
            for (const out of bodies(effects)) assertInert(out, KNOWN);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a workflow command used outside its workflow, and a near miss of a name, answered in any issue', () => {
    const names = ['approve', 'ack', 'paid', 'adjust', 'done', 'aprove', 'staus', 'reprot', 'ak'];
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...names), (text, name) => {
        for (const body of lines(name, text, 'bob-fsn')) {
          const effects = programCommandEffects({
            commands: PROGRAM_COMMANDS,
            event: botEvent({
              kind: 'comment.created',
              actor: 'mallory',
              comment: { id: 4244, body, createdAt: '2026-11-30T10:00:00.000Z' },
              at: '2026-11-30T10:00:00.000Z',
            }),
            config,
            facts: { otherOpenIssues: [], mentioned: {}, actorReportWeeks: {} },
            roles: new Set<Role>(['anyone']),
          });
          for (const out of bodies(effects)) assertInert(out, new Set());
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a command line repeated, and one past the lines a comment is read for', () => {
    const mentioned = Object.fromEntries([...KNOWN].map((l) => [l, activeOperator(l)]));
    const filler = Array.from({ length: 9 }, (_, i) => `/shrug ${i}`).join('\n');
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...PROGRAM_COMMANDS.map((c) => c.name)), (text, name) => {
        for (const body of lines(name, text, 'bob-fsn')) {
          for (const comment of [`${body}\n${body}`, `${filler}\n${body}\n${body}`]) {
            const effects = programCommandEffects({
              commands: PROGRAM_COMMANDS,
              event: botEvent({
                kind: 'comment.created',
                actor: 'maint',
                comment: { id: 4245, body: comment, createdAt: '2026-11-30T10:00:00.000Z' },
                at: '2026-11-30T10:00:00.000Z',
              }),
              config,
              facts: { otherOpenIssues: [], mentioned, actorReportWeeks: {}, actor: activeOperator('maint') },
              roles: new Set<Role>(['anyone', ...ROLES]),
            });
            for (const out of bodies(effects)) assertInert(out, KNOWN);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  /** Fields of the workflows' data that hold what a person wrote. */
  const PERSON_TEXT = new Set(['node', 'problem', 'resolution', 'reason', 'fleet', 'note']);
  const inject = (value: unknown, text: string, key = ''): unknown => {
    if (PERSON_TEXT.has(key)) return Array.isArray(value) ? [text, `${text}2`] : text;
    if (Array.isArray(value)) return value.map((v) => inject(v, text));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inject(v, text, k)]));
    return value;
  };

  for (const example of workflowExamples) {
    it(`the ${example.workflow} status template, ${example.instance.state}, with a person’s text in every field they fill`, () => {
      const workflow = workflowNamed(example.workflow ?? '');
      fc.assert(
        fc.property(hostileText, (text) => {
          const instance = withSnapshot({ ...example, instance: inject(example.instance, text) as Instance });
          const body = templates.render(
            workflow.definition.statusTemplate,
            workflow.statusView(instance, config),
          );
          assertInert(body, KNOWN);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('the program report, with a person’s region names', () => {
    fc.assert(
      fc.property(hostileText, (region) => {
        const health = programHealth({
          month: '2026-11',
          targets: config.health,
          operators: [
            activeOperator('bob-fsn', { region }),
            activeOperator('ivy-fra', { region: `${region}x` }),
          ],
          reportsOf: () => [],
          applications: [],
          render: templates.render,
        });
        assertInert(health.issue.body, KNOWN);
      }),
      { numRuns: 40 },
    );
  });
});
