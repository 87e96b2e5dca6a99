import type { ProgramConfig } from '../config/program.js';
import type { WorkflowModule } from '../engine/module.js';
import { loadTemplates, type Templates } from '../templates.js';
import { loadWorkflows } from '../workflows/all.js';
import type { FactServices } from '../workflows/services.js';

/** The comment templates and the workflows joined with their code: loaded once per process, then passed down. */
export type Program = { templates: Templates; workflows: readonly WorkflowModule<FactServices>[] };

/**
 * Loads `templates/` and `workflows/` for `config`. Throws WorkflowDefinitionError when a
 * definition and its code disagree (`check-config` says which).
 */
export function loadProgram(config: ProgramConfig): Program {
  const templates = loadTemplates();
  return { templates, workflows: loadWorkflows(templates, config) };
}
