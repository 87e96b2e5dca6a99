import type { ProgramConfig } from '../config/program.js';
import { loadTemplates } from '../templates.js';
import { loadWorkflows } from '../workflows/all.js';

/** Validates the program config, the templates and every workflow definition against its code. */
export function runCheckConfig(config: ProgramConfig, source: string | undefined): number {
  const templates = loadTemplates();
  const workflows = loadWorkflows(templates, config);
  console.log(
    `OK: program config ${source ?? '(built-in defaults)'}, ${templates.names.length} templates, ` +
      `workflows: ${workflows.map((w) => w.definition.name).join(', ')}.`,
  );
  return 0;
}
