import type { WorkflowCode } from '../../engine/load.js';
import { onboardingActions } from './actions.js';
import { onboardingGuards } from './guards.js';
import { onboardingStatusView } from './view.js';

export const onboardingCode: WorkflowCode = {
  guards: onboardingGuards,
  actions: onboardingActions,
  statusView: onboardingStatusView,
};
