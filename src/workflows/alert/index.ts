import type { WorkflowCode } from '../../engine/load.js';
import { alertActions } from './actions.js';
import { alertStatusView } from './view.js';

export const alertCode: WorkflowCode = {
  guards: {},
  actions: alertActions,
  statusView: alertStatusView,
};
