import { type ValidationResult, validateApplication } from '../../domain/application/index.js';
import type { DecideContext } from '../../engine/module.js';

/** Validates the issue body against Phase 1 with what the worker knows of the applicant. */
export function checkIssueApplication({ event, config, facts }: DecideContext): ValidationResult {
  const terminated = facts.author?.status === 'terminated' ? facts.author.endedAt : undefined;
  return validateApplication(
    event.issue.body,
    {
      now: new Date(event.at),
      otherOpenApplications: facts.otherOpenIssues.map((issue) =>
        Number(issue.slice(issue.lastIndexOf('#') + 1)),
      ),
      ...(terminated ? { lastTerminatedAt: new Date(terminated) } : {}),
    },
    {
      minHardware: config.onboarding.minHardware,
      maxNodes: config.onboarding.maxNodes,
      reapplyAfterMonths: config.onboarding.reapplyAfter,
    },
  );
}
