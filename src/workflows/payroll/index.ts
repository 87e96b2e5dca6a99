import type { WorkflowCode } from '../../engine/load.js';
import { payrollActions } from './actions.js';
import { loadPayrollFacts, type PayrollServices } from './facts.js';
import { payrollGuards } from './guards.js';
import { payrollStatusView } from './view.js';

export const payrollCode: WorkflowCode<PayrollServices> = {
  guards: payrollGuards,
  actions: payrollActions,
  statusView: payrollStatusView,
  loadFacts: loadPayrollFacts,
};
