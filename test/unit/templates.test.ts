import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultProgramConfig } from '../../src/config/program.js';
import { computePayroll } from '../../src/domain/payroll/index.js';
import { operatorRecordSchema } from '../../src/domain/registry.js';
import { weeklyReportSchema } from '../../src/domain/reports/index.js';
import { instanceSchema } from '../../src/engine/instance.js';
import type { Render } from '../../src/engine/module.js';
import { programHealth } from '../../src/schedules/program-health.js';
import { weeklyReminder } from '../../src/schedules/weekly-reminder.js';
import { loadTemplates } from '../../src/templates.js';
import { loadWorkflows } from '../../src/workflows/registry.js';

/**
 * Every `templates/*.mustache` rendered with example data from `test/fixtures/templates/<name>.json`.
 * The examples are inputs (an instance, a registry, reports), not views: the view is built by the
 * real view function or schedule, so a view and its template cannot drift apart unnoticed.
 */
const config = defaultProgramConfig();
const templates = loadTemplates();
const workflows = loadWorkflows(templates, config);
const FIXTURES = new URL('../fixtures/templates/', import.meta.url);
const TEMPLATES = new URL('../../templates/', import.meta.url);

const common = { about: z.string().min(1), expect: z.array(z.string().min(1)).min(1) };
const exampleSchema = z.discriminatedUnion('kind', [
  /** A workflow's status comment: its `statusView` of the instance. */
  z.strictObject({
    kind: z.literal('workflow'),
    workflow: z.string(),
    instance: instanceSchema,
    /** Payroll only: what the month's payroll is computed from (without the config). */
    payrollInput: z.record(z.string(), z.unknown()).optional(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('weekly-reminder'),
    now: z.iso.datetime(),
    operators: z.array(operatorRecordSchema),
    reportedWeeks: z.record(z.string(), z.array(z.string())),
    alreadyOpened: z.boolean(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('program-health'),
    month: z.string(),
    operators: z.array(operatorRecordSchema),
    reports: z.record(z.string(), z.array(weeklyReportSchema)),
    applications: z.array(
      z.object({ login: z.string(), openedAt: z.string(), referredBy: z.string().optional() }),
    ),
    ...common,
  }),
]);
type Example = z.output<typeof exampleSchema>;
const fixtureSchema = z.strictObject({ examples: z.array(exampleSchema).min(1) });

const names = (dir: URL, ext: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(ext))
    .map((file) => file.slice(0, -ext.length))
    .sort();

function examplesOf(template: string): Example[] {
  const raw = JSON.parse(readFileSync(new URL(`${template}.json`, FIXTURES), 'utf8'));
  return fixtureSchema.parse(raw).examples;
}

/** The view the bot would render `template` with for this example, built by the real code. */
function viewOf(template: string, example: Example): Record<string, unknown> {
  if (example.kind === 'workflow') {
    const workflow = workflows.find((w) => w.definition.name === example.workflow);
    if (!workflow) throw new Error(`no workflow "${example.workflow}"`);
    expect(workflow.definition.statusTemplate, 'the workflow’s status template').toBe(template);
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
    return workflow.statusView(instance, config);
  }
  const rendered: { template: string; view: Record<string, unknown> }[] = [];
  const spy: Render = (name, view) => {
    rendered.push({ template: name, view });
    return templates.render(name, view);
  };
  if (example.kind === 'weekly-reminder') {
    const reported = new Map(
      Object.entries(example.reportedWeeks).map(([login, weeks]) => [login.toLowerCase(), new Set(weeks)]),
    );
    weeklyReminder(new Date(example.now), example.operators, reported, spy, example.alreadyOpened, config);
  } else {
    programHealth({
      month: example.month,
      operators: example.operators,
      reportsOf: (login) =>
        (example.reports[login] ?? []).map((report, i) => ({
          report,
          source: { issue: 'fleet/program#7', commentId: i + 1, at: '2026-12-01T00:00:00.000Z' },
        })),
      applications: example.applications,
      render: spy,
    });
  }
  expect(rendered.map((r) => r.template)).toEqual([template]);
  return rendered[0]?.view ?? {};
}

describe('templates', () => {
  it('every template on disk has example data, and every example file a template', () => {
    expect(names(FIXTURES, '.json')).toEqual(names(TEMPLATES, '.mustache'));
    expect([...templates.names].sort()).toEqual(names(TEMPLATES, '.mustache'));
  });

  for (const template of names(TEMPLATES, '.mustache')) {
    describe(template, () => {
      const examples = (() => {
        try {
          return examplesOf(template);
        } catch {
          return [];
        }
      })();
      it('has valid example data', () => {
        expect(() => examplesOf(template)).not.toThrow();
      });
      for (const example of examples) {
        it(`renders ${example.about}`, () => {
          const body = templates.render(template, viewOf(template, example));
          expect(body).not.toMatch(/\{\{|\}\}/);
          expect(body).not.toMatch(/undefined|\[object Object\]|NaN|Infinity/);
          expect(body).toMatch(/^### /);
          for (const fact of example.expect) expect(body).toContain(fact);
        });
      }
    });
  }
});
