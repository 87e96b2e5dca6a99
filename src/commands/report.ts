import {
  formatReportOutdated,
  formatReportProblems,
  formatReportReply,
  parseReport,
} from '../domain/reports/index.js';
import type { ProgramCommand } from './command.js';

/** `/report uptime=99.7 tasks=42/44 …` — weekly metrics of a registered operator, in any issue. */
export const reportCommand: ProgramCommand = {
  name: 'report',
  help: '/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70 [week=2026-W47] [note] — weekly metrics (default: last week)',
  roles: ['operator'],
  run: ({ command, event, facts }) => {
    const parsed = parseReport(command.rest, new Date(event.at));
    if (!parsed.ok) return { reply: formatReportProblems(parsed.problems) };
    const { report } = parsed;
    const earlier = facts.actorReportWeeks[report.week];
    // Gitea's comment ids grow in the order comments are written (one sequence for the instance).
    const commentId = event.comment?.id;
    if (earlier !== undefined && commentId !== undefined && earlier > commentId)
      return { reply: formatReportOutdated(report.week) };
    const replaced = earlier !== undefined && earlier !== event.comment?.id;
    return {
      reply: formatReportReply(report, replaced),
      effects: [
        {
          type: 'storeReport',
          login: event.actor,
          report,
          source: {
            issue: `${event.repo}#${event.issue.number}`,
            commentId: event.comment?.id ?? 0,
            at: event.at,
            ...(replaced ? { replaces: earlier } : {}),
          },
        },
        { type: 'refreshReminder', week: report.week },
      ],
    };
  },
};
