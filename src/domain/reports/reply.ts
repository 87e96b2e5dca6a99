import { isoWeekDays } from '../time/iso-week.js';
import { plainNumber } from './number.js';
import { quote } from './quote.js';
import type { ReportProblem, WeeklyReport } from './schema.js';

const EXAMPLE = '/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70';

/** The report as a one-line `/report` command that `parseReport` reads back to the same report. */
export function formatReportCommand(report: WeeklyReport): string {
  const parts = [
    '/report',
    `uptime=${plainNumber(report.uptimePercent)}`,
    `tasks=${report.tasksCompleted}/${report.tasksDispatched}`,
  ];
  if (report.cpuPercent !== undefined) parts.push(`cpu=${plainNumber(report.cpuPercent)}`);
  if (report.memPercent !== undefined) parts.push(`mem=${plainNumber(report.memPercent)}`);
  if (report.diskPercent !== undefined) parts.push(`disk=${plainNumber(report.diskPercent)}`);
  parts.push(`week=${report.week}`);
  if (report.note !== undefined) parts.push(`note=${report.note}`);
  return parts.join(' ');
}

/**
 * One markdown paragraph echoing what was recorded, e.g. "Recorded the report for **2026-W47**
 * (2026-11-16 – 2026-11-22): uptime 99.7%, tasks 42/44 completed (95.5%), CPU 35%, memory 60%,
 * disk 70%. Note: `…`." and, when `replaced`, that it replaces the earlier report for that week.
 */
export function formatReportReply(report: WeeklyReport, replaced: boolean): string {
  const days = isoWeekDays(report.week);
  const metrics = [`uptime ${plainNumber(report.uptimePercent)}%`, `tasks ${tasksText(report)}`];
  if (report.cpuPercent !== undefined) metrics.push(`CPU ${plainNumber(report.cpuPercent)}%`);
  if (report.memPercent !== undefined) metrics.push(`memory ${plainNumber(report.memPercent)}%`);
  if (report.diskPercent !== undefined) metrics.push(`disk ${plainNumber(report.diskPercent)}%`);
  const sentences = [
    `Recorded the report for **${report.week}** (${days[0]} – ${days[6]}): ${metrics.join(', ')}.`,
  ];
  if (report.note !== undefined) sentences.push(`Note: ${quote(report.note, 200)}.`);
  if (replaced) sentences.push('This replaces the earlier report for that week.');
  return sentences.join(' ');
}

/** The reply to a report that was not recorded: every problem, then an example. */
export function formatReportProblems(problems: readonly ReportProblem[]): string {
  const lines = problems.map((problem) => `- **${problem.field}**: ${problem.message}`);
  return ['The report was not recorded:', ...lines, '', `For example: \`${EXAMPLE}\``].join('\n');
}

function tasksText(report: WeeklyReport): string {
  const counts = `${report.tasksCompleted}/${report.tasksDispatched} completed`;
  if (report.tasksDispatched === 0) return counts;
  const share = Math.round((report.tasksCompleted / report.tasksDispatched) * 1000) / 10;
  return `${counts} (${share}%)`;
}

/**
 * The answer to a report handled after a report for the same week from a comment written later
 * (Gitea delivers from several workers): the later one stands, this one is not recorded.
 */
export function formatReportOutdated(week: string): string {
  const days = isoWeekDays(week);
  return `Not recorded: your report for **${week}** (${days[0]} – ${days[6]}) from a comment written after this one stands. Write \`/report\` again to replace it.`;
}
