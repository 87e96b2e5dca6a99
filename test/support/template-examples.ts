import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { defaultProgramConfig } from '../../src/config/program.js';
import { programHealth } from '../../src/domain/health/program-health.js';
import { operatorRecordSchema } from '../../src/domain/operator-record.js';
import { computePayroll } from '../../src/domain/payroll/index.js';
import { weeklyReportSchema } from '../../src/domain/reports/index.js';
import { weeklyReminder } from '../../src/domain/reports/weekly-reminder.js';
import { instanceSchema } from '../../src/engine/instance.js';
import type { Render } from '../../src/engine/module.js';
import { loadTemplates } from '../../src/templates.js';
import { loadWorkflows } from '../../src/workflows/all.js';

/**
 * Every `templates/*.mustache` rendered with example data from `test/fixtures/templates/<name>.json`.
 * The examples are inputs (an instance, a registry, reports), not views: the view is built by the
 * real view function or schedule, so a view and its template cannot drift apart unnoticed.
 * Used by the templates test and by `npm run docs` (docs/examples/).
 */
export const config = defaultProgramConfig();
export const templates = loadTemplates();
const workflows = loadWorkflows(templates, config);
export const FIXTURES = new URL('../fixtures/templates/', import.meta.url);
export const TEMPLATES = new URL('../../templates/', import.meta.url);

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
export type Example = z.output<typeof exampleSchema>;
const fixtureSchema = z.strictObject({ examples: z.array(exampleSchema).min(1) });

export const names = (dir: URL, ext: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(ext))
    .map((file) => file.slice(0, -ext.length))
    .sort();

export function examplesOf(template: string): Example[] {
  const raw = JSON.parse(readFileSync(new URL(`${template}.json`, FIXTURES), 'utf8'));
  return fixtureSchema.parse(raw).examples;
}

/** The view the bot would render `template` with for this example, built by the real code. */
export function viewOf(template: string, example: Example): Record<string, unknown> {
  if (example.kind === 'workflow') {
    const workflow = workflows.find((w) => w.definition.name === example.workflow);
    if (!workflow) throw new Error(`no workflow "${example.workflow}"`);
    if (workflow.definition.statusTemplate !== template)
      throw new Error(
        `${example.workflow}'s status template is ${workflow.definition.statusTemplate}, not ${template}`,
      );
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
      targets: config.health,
      reportsOf: (login) =>
        (example.reports[login] ?? []).map((report, i) => ({
          report,
          source: { issue: 'fleet/program#7', commentId: i + 1, at: '2026-12-01T00:00:00.000Z' },
        })),
      applications: example.applications,
      render: spy,
    });
  }
  if (rendered.length !== 1 || rendered[0]?.template !== template)
    throw new Error(`expected one ${template}, rendered ${rendered.map((r) => r.template).join(', ')}`);
  return rendered[0]?.view ?? {};
}
