import { z } from 'zod';
import { weeklyReportSchema } from './schema.js';

/** Where a report came from: the comment that carried it. */
const reportSourceSchema = z.object({
  issue: z.string(),
  commentId: z.number().int(),
  at: z.string(),
  /**
   * The comment whose report for the week this one replaced, if any: a job run again after it
   * stored the report (its worker died before replying) still says it replaced that one.
   */
  replaces: z.number().int().optional(),
});
export type ReportSource = z.output<typeof reportSourceSchema>;

/** A weekly report as stored: one per operator and ISO week, the latest replacing the earlier. */
export const storedReportSchema = z.object({ report: weeklyReportSchema, source: reportSourceSchema });
export type StoredReport = z.output<typeof storedReportSchema>;
