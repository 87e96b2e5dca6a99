import type { ProgramConfig } from '../../config/program.js';
import { maintainerHandles } from '../../domain/text/mentions.js';
import { formatDuration } from '../../domain/time/duration.js';
import { formatWeeklyAt } from '../../domain/time/format.js';
import type { Ask } from '../../engine/asks.js';
import type { OnboardingData } from './data.js';

/**
 * What each onboarding state asks, of whom, in what words (INTERFACE.md's command table): the
 * applicant fixes the form, registers the fleet; maintainers review, record the quiz and the
 * tasks, start the shadow week; a peer or maintainer signs off. A new key is a new request, so
 * the end of the shadow week re-asks what is left of the training.
 */
export function onboardingAsks(state: string, data: OnboardingData, config: ProgramConfig): Ask[] {
  const { onboarding } = config;
  const applicant = data.applicant ? [data.applicant] : [];
  const maintainers = maintainerHandles(config);
  if (state === 'incomplete')
    return [
      {
        key: 'fix',
        who: applicant,
        role: 'the applicant',
        text: 'edit the issue to fix the answers listed above; the bot checks again on every edit.',
      },
    ];
  if (state === 'screening')
    return [
      {
        key: 'review',
        who: maintainers,
        role: 'a maintainer',
        text: 'review the application and comment `/approve`, or `/reject REASON`.',
      },
    ];
  if (state === 'training') {
    const phase = data.shadowDoneAt ? 'after-shadow' : 'before-shadow';
    const left = Array.from({ length: onboarding.modules }, (_, i) => i + 1).filter(
      (n) => !data.modules.includes(n),
    );
    const asks: Ask[] = [];
    if (left.length > 0)
      asks.push({
        key: `modules-${phase}`,
        who: applicant,
        role: 'the applicant',
        text: `finish training module${left.length > 1 ? 's' : ''} ${left.join(', ')} and comment \`/module N\` for each.`,
      });
    if ((data.quizScore ?? -1) < onboarding.quizPassPercent)
      asks.push({
        key: `quiz-${phase}`,
        who: maintainers,
        role: 'a maintainer',
        text: `record the fleet operations quiz score with \`/quiz SCORE\` (pass mark ${onboarding.quizPassPercent}%).`,
      });
    if (!data.shadowStartedAt)
      asks.push({
        key: 'shadow',
        who: maintainers,
        role: 'a maintainer',
        text: `start the shadow week (${formatDuration(onboarding.shadowPeriod)}) with a certified operator: \`/shadow @mentor\`.`,
      });
    return asks;
  }
  if (state === 'certification') {
    const asks: Ask[] = [];
    if (data.fleet.length < onboarding.testFleetNodes)
      asks.push({
        key: 'fleet',
        who: applicant,
        role: 'the applicant',
        text: `register your test fleet of ${onboarding.testFleetNodes} nodes: \`/fleet NODE NODE\`.`,
      });
    if (data.tasks < onboarding.requiredTasks)
      asks.push({
        key: 'tasks',
        who: maintainers,
        role: 'a maintainer',
        text: `record the dispatched tasks completed: \`/tasks N\` (${onboarding.requiredTasks} required).`,
      });
    if (!data.signoff)
      asks.push({
        key: 'signoff',
        who: data.mentor ? [data.mentor] : maintainers,
        role: 'an active operator or a maintainer',
        text: 'sign off the certification review with `/signoff` (an active operator other than the applicant, or a maintainer).',
      });
    return asks;
  }
  if (state === 'active')
    return [{ key: 'duties', who: applicant, role: 'the applicant', text: duties(config) }];
  return [];
}

const metricsScript = (config: ProgramConfig) =>
  config.bot.rawUrl
    ? `[fleet-metrics.sh](${config.bot.rawUrl}/scripts/fleet-metrics.sh)`
    : '`fleet-metrics.sh`, ask a maintainer for it';

/** What an operator must do from activation on, with every number and link from the config. */
function duties(config: ProgramConfig): string {
  const { ackWithin } = config.alerts;
  return [
    'welcome to the fleet! Your duties as an operator:',
    `- \`/report\` your metrics every week, by ${formatWeeklyAt(config.reports.dueWeekly)} (the metrics script prints the line: ${metricsScript(config)});`,
    `- \`/ack\` each alert on your nodes within ${formatDuration(ackWithin.critical)} (critical) or ${formatDuration(ackWithin.warning)} (warning), then \`/resolve NOTE\`;`,
    `- rotate your credentials every ${config.standards.rotationDays} days and comment \`/rotated\`.`,
  ].join('\n');
}
