import { z } from 'zod';
import { severitySchema } from './severity.js';

/** One alert as payroll needs it: who had to acknowledge, when it opened, when it was acknowledged. */
export const alertRecordSchema = z.object({
  issue: z.string(),
  login: z.string(),
  severity: severitySchema,
  /** The highest severity the alert ever had: the response bonus is judged against it. */
  peakSeverity: severitySchema.optional(),
  openedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  responseMs: z.number().int().nonnegative().optional(),
});

export type AlertRecord = z.output<typeof alertRecordSchema>;
