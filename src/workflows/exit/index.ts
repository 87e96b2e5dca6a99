import type { WorkflowCode } from '../../engine/load.js';
import { exitActions } from './actions.js';
import { loadExitFacts } from './facts.js';
import { exitGuards } from './guards.js';
import { exitStatusView } from './view.js';

export const exitCode: WorkflowCode = {
  guards: exitGuards,
  actions: exitActions,
  statusView: exitStatusView,
  loadFacts: loadExitFacts,
};
