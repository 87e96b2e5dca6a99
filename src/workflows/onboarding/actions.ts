import { mentionArg } from '../../domain/commands/mentions.js';
import { inert, unknownLogin } from '../../domain/text/inert.js';
import type { Action } from '../../engine/module.js';
import { setsValue } from '../written-last.js';
import { checkIssueApplication } from './application-check.js';
import { onboardingData } from './data.js';

/** Most dispatched tasks `/tasks` may record: a bigger count is no safe integer, which the instance's data refuses. */
const MAX_TASKS = 1_000_000;

/** `12` → 12; anything but digits, or a number past `max`, → undefined. */
const wholeNumber = (text: string | undefined, max: number) => {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
};

export const onboardingActions: Record<string, Action> = {
  checkApplication: (ctx) => {
    const result = checkIssueApplication(ctx);
    const applicant = ctx.event.issue.author;
    const openedAt = ctx.event.issue.createdAt;
    return result.ok
      ? { data: { applicant, openedAt, application: result.application, problems: [] } }
      : { data: { applicant, openedAt, application: undefined, problems: result.problems } };
  },

  recordRejection: ({ command, event }) => {
    const reason = command?.args.join(' ').trim();
    if (!reason) return 'say why: `/reject REASON`.';
    return {
      data: { rejection: { by: event.actor, at: event.at, reason } },
      reply: 'the application is declined.',
    };
  },

  recordModule: ({ command, instance, config }) => {
    const count = config.onboarding.modules;
    const module = wholeNumber(command?.args[0], count);
    if (module === undefined || module < 1 || module > count)
      return `give a module number from 1 to ${count}: \`/module 3\`.`;
    const modules = [...new Set([...onboardingData(instance).modules, module])].sort((a, b) => a - b);
    return { data: { modules }, reply: `module ${module} recorded (${modules.length} of ${count} done).` };
  },

  recordQuiz: setsValue('quiz', ({ command, config }) => {
    const score = Number(command?.args[0]?.replace(/%$/, ''));
    if (!command?.args[0] || !Number.isFinite(score) || score < 0 || score > 100) {
      return 'give the score in percent, 0–100: `/quiz 85`.';
    }
    const pass = config.onboarding.quizPassPercent;
    const verdict =
      score >= pass ? 'passed' : `not passed (the pass mark is ${pass}%); record a retake with /quiz`;
    return { data: { quizScore: score }, reply: `quiz score ${score}% — ${verdict}.` };
  }),

  startShadow: ({ command, event, facts, roles }) => {
    const mentor = mentionArg(command?.args[0]);
    if (!mentor) return 'name the mentor: `/shadow @mentor`.';
    if (mentor.toLowerCase() === event.issue.author.toLowerCase())
      return 'the applicant cannot mentor themselves.';
    const isMaintainer = roles.has('maintainer');
    if (!isMaintainer && mentor.toLowerCase() !== event.actor.toLowerCase()) {
      return 'only a maintainer, or the mentor themselves, may start the shadow week.';
    }
    if (!isMaintainer && facts.mentioned[mentor.toLowerCase()]?.status !== 'active') {
      return `${unknownLogin(mentor)} is not an active certified operator.`;
    }
    return {
      data: { mentor, shadowStartedAt: event.at, shadowDoneAt: undefined },
      startTimers: ['shadowWeek'],
      reply: `the shadow week with @${mentor} starts now.`,
    };
  },

  finishShadow: ({ event }) => ({ data: { shadowDoneAt: event.at } }),

  recordFleet: setsValue('fleet', ({ command, config }) => {
    const nodes = [...new Set(command?.args ?? [])];
    const needed = config.onboarding.testFleetNodes;
    if (nodes.length < needed) return `name at least ${needed} distinct nodes: \`/fleet node-1 node-2\`.`;
    return {
      data: { fleet: nodes },
      reply: `test fleet recorded: ${nodes.map((node) => inert(node, 60).text).join(', ')}.`,
    };
  }),

  recordTasks: setsValue('tasks', ({ command, config }) => {
    const tasks = wholeNumber(command?.args[0], MAX_TASKS);
    if (tasks === undefined)
      return `give the number of completed dispatched tasks, a whole number up to ${MAX_TASKS.toLocaleString('en-US')}: \`/tasks 10\`.`;
    return {
      data: { tasks },
      reply: `${tasks} of ${config.onboarding.requiredTasks} dispatched tasks completed.`,
    };
  }),

  recordSignoff: ({ event }) => ({
    data: { signoff: { by: event.actor, at: event.at } },
    reply: `signed off by @${event.actor}.`,
  }),

  activate: ({ instance, event }) => {
    const data = onboardingData(instance);
    const application = data.application;
    if (!application) return 'the application is missing';
    return {
      data: { activatedAt: event.at },
      effects: [
        {
          type: 'recordOperatorEvent',
          login: data.applicant,
          event: {
            id: `activated:${event.repo}#${event.issue.number}`,
            type: 'activated',
            at: event.at,
            handle: application.handle,
            wallet: application.wallet,
            chain: application.chain,
            nodes: application.nodes,
            region: application.location,
            ...(data.mentor ? { mentor: data.mentor } : {}),
            ...(application.referredBy ? { referrer: application.referredBy } : {}),
            applicationIssue: `${event.repo}#${event.issue.number}`,
          },
        },
      ],
    };
  },
};
