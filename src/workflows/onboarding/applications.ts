import type { HealthApplication } from '../../domain/health/program-health.js';
import type { Instance } from '../../engine/instance.js';
import { onboardingData } from './data.js';

/**
 * Every application the bot has seen, as program health counts them (PROGRAM.md, "Program
 * health": partner share, churn): who applied, when the issue was opened, referred by whom.
 * Instances of other workflows, and applications whose applicant or opening time is not known yet
 * (an issue the bot has not read as an application), are left out.
 */
export function applicationsOf(instances: readonly Instance[]): HealthApplication[] {
  return instances
    .filter((instance) => instance.workflow === 'onboarding')
    .map((instance) => onboardingData(instance))
    .flatMap((data) =>
      data.applicant !== '' && data.openedAt !== undefined
        ? [
            {
              login: data.applicant,
              openedAt: data.openedAt,
              ...(data.application?.referredBy ? { referredBy: data.application.referredBy } : {}),
            },
          ]
        : [],
    );
}
