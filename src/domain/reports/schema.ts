import { z } from 'zod';
import { isoWeekSchema } from '../time/iso-week.js';

/** Longest note kept with a report (characters, after whitespace is collapsed). */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Most tasks one weekly report may count (completed or dispatched). A month sums up to six
 * weekly reports, and the payroll refuses a sum beyond a safe integer: two reports of
 * 9007199254740991 tasks made every payroll of their month fail to open. A million a week is
 * far above what a fleet of `onboarding.maxNodes` nodes runs.
 */
export const MAX_WEEKLY_TASKS = 1_000_000;

export const percentSchema = z.number().min(0).max(100);
const taskCountSchema = z.number().int().min(0);

/** One operator's metrics for one finished ISO week, as `/report` records them. */
export const weeklyReportSchema = z
  .object({
    week: isoWeekSchema,
    uptimePercent: percentSchema,
    tasksCompleted: taskCountSchema,
    tasksDispatched: taskCountSchema,
    cpuPercent: percentSchema.optional(),
    memPercent: percentSchema.optional(),
    diskPercent: percentSchema.optional(),
    /** Free text, whitespace collapsed to single spaces. */
    note: z.string().min(1).max(MAX_NOTE_LENGTH).optional(),
  })
  .refine((report) => report.tasksCompleted <= report.tasksDispatched, {
    path: ['tasksCompleted'],
    message: 'completed tasks cannot exceed dispatched tasks',
  });

export type WeeklyReport = z.infer<typeof weeklyReportSchema>;

/** One thing wrong with a `/report`, told back to the operator. */
const reportProblemSchema = z.object({
  /** The report field (`uptime`, `tasks`, `cpu`, `mem`, `disk`, `week`, `note`) or the unknown key as written. */
  field: z.string(),
  /** What is wrong and how to fix it, in one sentence. */
  message: z.string(),
});

export type ReportProblem = z.infer<typeof reportProblemSchema>;
