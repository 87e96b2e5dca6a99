export { type ActiveRange, type MonthlyMetrics, monthlyMetrics, monthlyMetricsSchema } from './aggregate.js';
export { type CollectedReport, collectReport } from './collect.js';
export { KEY_USAGE, REPORT_KEYS, type ReportKey, reportKey } from './fields.js';
export { plainNumber } from './number.js';
export { parseReport, type ReportParseResult } from './parse.js';
export { formatReportCommand, formatReportProblems, formatReportReply } from './reply.js';
export {
  MAX_NOTE_LENGTH,
  percentSchema,
  type ReportProblem,
  reportProblemSchema,
  type WeeklyReport,
  weeklyReportSchema,
} from './schema.js';
export {
  findLowUptimeStreak,
  lowUptimeStreak,
  type MonthlyUptime,
  monthlyUptimeSchema,
} from './termination.js';
