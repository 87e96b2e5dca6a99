import { isoDate } from '../time/day.js';
import { addMonthsToDay } from '../time/month.js';
import { APPLICATION_LABEL, FIELD_LABELS } from './fields.js';
import type { Problem } from './problems.js';
import type { ApplicationContext, ApplicationRules } from './rules.js';

/** One open application per applicant. */
export function duplicateApplicationProblems(context: ApplicationContext): Problem[] {
  const others = [...new Set(context.otherOpenApplications)].sort((a, b) => a - b);
  if (others.length === 0) return [];
  const issues = others.map((issue) => `#${issue}`).join(', ');
  const them = others.length === 1 ? 'it' : 'them';
  return [
    {
      field: APPLICATION_LABEL,
      message: `You already have an open application (${issues}) — continue there and close this one, or close ${them} first.`,
    },
  ];
}

/**
 * A terminated operator may reapply `reapplyAfterMonths` after the termination day (UTC
 * calendar days, so the whole day counts), and then only with an improvement plan.
 */
export function reapplicationProblems(
  context: ApplicationContext,
  rules: ApplicationRules,
  hasImprovementPlan: boolean,
): Problem[] {
  if (context.lastTerminatedAt === undefined) return [];
  const terminatedOn = isoDate(context.lastTerminatedAt);
  const mayReapplyOn = addMonthsToDay(terminatedOn, rules.reapplyAfterMonths);
  if (isoDate(context.now) < mayReapplyOn) {
    return [
      {
        field: APPLICATION_LABEL,
        message: `You were terminated on ${terminatedOn} and may reapply from ${mayReapplyOn} — close this application and apply again then, with an improvement plan.`,
      },
    ];
  }
  if (hasImprovementPlan) return [];
  return [
    {
      field: FIELD_LABELS.improvementPlan,
      message: `You were terminated on ${terminatedOn}, so a re-application needs an improvement plan — describe what you changed to avoid the causes of the termination.`,
    },
  ];
}
