import { previousMonth } from '../domain/time/month.js';
import type { ProgramCommand } from './command.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `/partner-report [YYYY-MM] [notes]` — a partner files the monthly partner report (mentorship log
 * confirmed); until then that month's commission is held (PROGRAM.md, "Partner program").
 */
export const partnerReportCommand: ProgramCommand = {
  name: 'partner-report',
  help: '/partner-report [2026-11] — file your monthly partner report (default: last month); releases the held commission',
  roles: ['operator'],
  run: ({ command, event }) => {
    const [first] = command.args;
    const month = first && MONTH.test(first) ? first : previousMonth(new Date(event.at));
    if (first && /^\d{4}-\d{1,2}$/.test(first) && !MONTH.test(first)) return 'write the month as YYYY-MM.';
    if (month > event.at.slice(0, 7)) return `${month} has not started yet.`;
    return {
      reply: `partner report for ${month} filed by @${event.actor}; its commission is no longer held.`,
      effects: [{ type: 'filePartnerReport', login: event.actor, month }],
    };
  },
};
