import type { Guard } from '../../engine/module.js';
import { checkIssueApplication } from './application-check.js';
import { onboardingData } from './data.js';

export const onboardingGuards: Record<string, Guard> = {
  applicationHasProblems: (ctx) => !checkIssueApplication(ctx).ok || 'the application is complete',
  applicationIsValid: (ctx) => checkIssueApplication(ctx).ok || 'the application has problems',

  trainingComplete: ({ instance, config }) => {
    const data = onboardingData(instance);
    const modulesDone = new Set(data.modules).size >= config.onboarding.modules;
    const quizPassed = (data.quizScore ?? -1) >= config.onboarding.quizPassPercent;
    return (modulesDone && quizPassed && data.shadowDoneAt !== undefined) || 'training is not complete';
  },

  certificationComplete: ({ instance, config }) => {
    const data = onboardingData(instance);
    const done =
      data.fleet.length >= config.onboarding.testFleetNodes &&
      data.tasks >= config.onboarding.requiredTasks &&
      data.signoff !== undefined;
    return done || 'certification is not complete';
  },
};
