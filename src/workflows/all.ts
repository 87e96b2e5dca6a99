import type { ProgramConfig } from '../config/program.js';
import { loadWorkflow, type WorkflowCode } from '../engine/load.js';
import type { WorkflowModule } from '../engine/module.js';
import type { Templates } from '../templates.js';
import { alertCode } from './alert/index.js';
import { exitCode } from './exit/index.js';
import { onboardingCode } from './onboarding/index.js';
import { payrollCode } from './payroll/index.js';
import type { FactServices } from './services.js';

/** Every workflow the bot runs: `workflows/<name>.yaml` joined with its code. */
const WORKFLOW_CODE: Record<string, WorkflowCode<FactServices>> = {
  onboarding: onboardingCode,
  alert: alertCode,
  exit: exitCode,
  payroll: payrollCode,
};

export function loadWorkflows(templates: Templates, config: ProgramConfig): WorkflowModule<FactServices>[] {
  return Object.entries(WORKFLOW_CODE).map(([name, code]) => loadWorkflow(name, code, templates, config));
}
