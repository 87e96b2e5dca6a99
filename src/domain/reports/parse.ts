import { previousIsoWeek } from '../time/iso-week.js';
import { collectReport } from './collect.js';
import { MAX_NOTE_LENGTH, type ReportProblem, type WeeklyReport, weeklyReportSchema } from './schema.js';
import { type PercentKey, type Read, readPercent, readTasks, readWeek } from './values.js';

export type ReportParseResult = { ok: true; report: WeeklyReport } | { ok: false; problems: ReportProblem[] };

const OPTIONAL_PERCENTS = [
  ['cpu', 'cpuPercent'],
  ['mem', 'memPercent'],
  ['disk', 'diskPercent'],
] as const satisfies readonly (readonly [PercentKey, keyof WeeklyReport])[];

/**
 * Reads a `/report`: the text after the command (it may go on over the following lines of the
 * comment), in either layout `collectReport` describes. `uptime` and `tasks` are required;
 * `cpu`, `mem`, `disk` and the note are optional; `week` defaults to the ISO week before the
 * one holding `now`, and must have ended by `now`. Every problem is returned at once, each
 * naming its field and the fix. Never throws on any text; `now` must be a valid date.
 */
export function parseReport(args: string, now: Date): ReportParseResult {
  if (Number.isNaN(now.getTime())) throw new RangeError('parseReport: now is not a valid date');
  const { values, note, problems: layoutProblems } = collectReport(typeof args === 'string' ? args : '');
  const problems: ReportProblem[] = [];
  const take = <T>(field: string, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    problems.push({ field, message: read.message });
    return undefined;
  };

  const uptime = values.uptime === undefined ? missing('uptime') : readPercent('uptime', values.uptime);
  const uptimePercent = take('uptime', uptime);
  const tasks = take('tasks', values.tasks === undefined ? missing('tasks') : readTasks(values.tasks));
  const percents: Partial<Record<(typeof OPTIONAL_PERCENTS)[number][1], number>> = {};
  for (const [key, property] of OPTIONAL_PERCENTS) {
    const written = values[key];
    if (written !== undefined) percents[property] = take(key, readPercent(key, written));
  }
  const week = values.week === undefined ? previousIsoWeek(now) : take('week', readWeek(values.week, now));
  if (note.length > MAX_NOTE_LENGTH) {
    problems.push({
      field: 'note',
      message: `the note is ${note.length} characters long — keep it to ${MAX_NOTE_LENGTH} characters.`,
    });
  }
  problems.push(...layoutProblems);
  if (problems.length > 0 || uptimePercent === undefined || tasks === undefined || week === undefined) {
    return { ok: false, problems };
  }

  const candidate: WeeklyReport = {
    week,
    uptimePercent,
    tasksCompleted: tasks.completed,
    tasksDispatched: tasks.dispatched,
    ...percents,
    ...(note === '' ? {} : { note }),
  };
  const checked = weeklyReportSchema.safeParse(candidate);
  if (checked.success) return { ok: true, report: checked.data };
  return {
    ok: false,
    problems: checked.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? 'report'),
      message: issue.message,
    })),
  };
}

const missing = (key: 'uptime' | 'tasks'): Read<never> => ({
  ok: false,
  message:
    key === 'uptime'
      ? 'uptime is missing — write uptime=PERCENT from 0 to 100, e.g. uptime=99.7.'
      : 'tasks is missing — write tasks=COMPLETED/DISPATCHED, e.g. tasks=42/44.',
});
