export { type ActiveRange, monthlyMetrics, monthlyMetricsSchema } from './aggregate.js';
export { plainNumber } from './number.js';
export { parseReport } from './parse.js';
export {
  formatReportCommand,
  formatReportOutdated,
  formatReportProblems,
  formatReportReply,
} from './reply.js';
export { MAX_NOTE_LENGTH, type WeeklyReport, weeklyReportSchema } from './schema.js';
export { findLowUptimeStreak, lowUptimeStreak, type MonthlyUptime } from './termination.js';
