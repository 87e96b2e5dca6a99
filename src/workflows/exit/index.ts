import type { WorkflowCode } from '../../engine/load.js';
import { exitActions } from './actions.js';
import { type ExitServices, loadExitFacts } from './facts.js';
import { exitGuards } from './guards.js';
import { exitStatusView } from './view.js';

export const exitCode: WorkflowCode<ExitServices> = {
  guards: exitGuards,
  actions: exitActions,
  statusView: exitStatusView,
  loadFacts: loadExitFacts,
};
