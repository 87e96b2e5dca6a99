import type { ProgramConfig } from '../../config/program.js';
import { joinMarkdown, md, trusted } from '../../domain/markdown/compose.js';
import { inert } from '../../domain/text/inert.js';
import { formatUtc } from '../../domain/time/format.js';
import { nextLine } from '../../engine/asks.js';
import type { Instance } from '../../engine/instance.js';
import { onboardingAsks } from './asks.js';
import { onboardingData } from './data.js';

const TITLES: Record<string, string> = {
  incomplete: 'Incomplete',
  screening: 'Screening',
  training: 'Training',
  certification: 'Certification',
  active: 'Active',
  rejected: 'Rejected',
};

const tick = (done: boolean) => (done ? '[x]' : '[ ]');

/** The status comment's view: a checklist of what is done and what is left, per phase. */
export function onboardingStatusView(instance: Instance, config: ProgramConfig): Record<string, unknown> {
  const data = onboardingData(instance);
  const { onboarding } = config;
  const modules = new Set(data.modules);
  const shadowEnds = data.shadowStartedAt
    ? new Date(Date.parse(data.shadowStartedAt) + onboarding.shadowPeriod).toISOString()
    : undefined;
  const phase = ['training', 'certification', 'active'].indexOf(instance.state);
  const training = [
    ...Array.from({ length: onboarding.modules }, (_, i) => ({
      item: trusted(`${tick(modules.has(i + 1))} Training module ${i + 1}`),
    })),
    {
      item: md`${trusted(tick((data.quizScore ?? -1) >= onboarding.quizPassPercent))} Fleet operations quiz ≥ ${onboarding.quizPassPercent}%${
        data.quizScore !== undefined ? ` (last score ${data.quizScore}%)` : ''
      }`,
    },
    {
      item: md`${trusted(tick(data.shadowDoneAt !== undefined))} Shadow week${
        data.mentor && shadowEnds ? md` with @${data.mentor}, ends ${formatUtc(shadowEnds)}` : ''
      }`,
    },
  ];
  const certification = [
    {
      item: md`${trusted(tick(data.fleet.length >= onboarding.testFleetNodes))} Test fleet of ${onboarding.testFleetNodes} nodes${
        data.fleet.length > 0
          ? md`: ${joinMarkdown(
              data.fleet.map((node) => inert(node, 60)),
              ', ',
            )}`
          : ''
      }`,
    },
    {
      item: md`${trusted(tick(data.tasks >= onboarding.requiredTasks))} ${data.tasks}/${onboarding.requiredTasks} dispatched tasks completed`,
    },
    {
      item: md`${trusted(tick(data.signoff !== undefined))} Sign-off${data.signoff ? md` by @${data.signoff.by}` : ''}`,
    },
  ];
  const asks = onboardingAsks(instance.state, data, config);
  return {
    applicant: data.applicant,
    stateTitle: TITLES[instance.state] ?? instance.state,
    asks,
    next: asks.length > 0 ? trusted(nextLine(asks)) : undefined,
    // Problem messages are the bot's, with the applicant's answers quoted inert (application/messages.ts).
    problems: data.problems.map((problem) => ({ ...problem, message: trusted(problem.message) })),
    hasProblems: data.problems.length > 0,
    showTraining: phase >= 0,
    training,
    showCertification: phase >= 1,
    certification,
    activatedAt: data.activatedAt ? formatUtc(data.activatedAt) : undefined,
    rejection: data.rejection ? { ...data.rejection, at: formatUtc(data.rejection.at) } : undefined,
  };
}
