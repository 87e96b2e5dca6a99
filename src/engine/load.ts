import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeIssues } from '../config/errors.js';
import type { ProgramConfig } from '../config/program.js';
import { configValueAt } from '../config/value-at.js';
import { WORKFLOWS_DIR } from '../paths.js';
import type { Templates } from '../templates.js';
import { type WorkflowDefinition, workflowDefinitionSchema } from './definition.js';
import type { Action, Guard, WorkflowModule } from './module.js';

export class WorkflowDefinitionError extends Error {
  override name = 'WorkflowDefinitionError';
}

/** A workflow's code (src/workflows/<name>/index.ts); `Services`: what its `loadFacts` looks up (`unknown`: nothing). */
export type WorkflowCode<Services = unknown> = {
  guards: Record<string, Guard>;
  actions: Record<string, Action>;
  statusView: WorkflowModule['statusView'];
  loadFacts?: WorkflowModule<Services>['loadFacts'];
};

/** Reads and validates `workflows/<name>.yaml` against its code; any mismatch stops start-up with the reason. */
export function loadWorkflow<Services>(
  name: string,
  code: WorkflowCode<Services>,
  templates: Templates,
  config: ProgramConfig,
  dir = WORKFLOWS_DIR,
): WorkflowModule<Services> {
  const file = join(dir, `${name}.yaml`);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorkflowDefinitionError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = workflowDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new WorkflowDefinitionError(`${file}:\n  - ${describeIssues(parsed.error.issues).join('\n  - ')}`);
  }
  const problems = referenceProblems(parsed.data, code, templates, config);
  if (problems.length > 0) throw new WorkflowDefinitionError(`${file}:\n  - ${problems.join('\n  - ')}`);
  return { definition: parsed.data, ...code };
}

function referenceProblems<Services>(
  definition: WorkflowDefinition,
  code: WorkflowCode<Services>,
  templates: Templates,
  config: ProgramConfig,
): string[] {
  const problems: string[] = [];
  const steps = [...definition.initial, ...definition.transitions];
  for (const step of steps) {
    if (step.guard && !(step.guard in code.guards))
      problems.push(`guard "${step.guard}" is not defined in code`);
    if (step.action && !(step.action in code.actions))
      problems.push(`action "${step.action}" is not defined in code`);
  }
  if (!templates.names.includes(definition.statusTemplate)) {
    problems.push(
      `statusTemplate "${definition.statusTemplate}" has no templates/${definition.statusTemplate}.mustache`,
    );
  }
  for (const [name, timer] of Object.entries(definition.timers)) {
    if (timer.after !== undefined && typeof configValueAt(config, timer.after) !== 'number') {
      problems.push(`timer "${name}": "${timer.after}" is not a duration in the config`);
    }
  }
  return problems;
}
