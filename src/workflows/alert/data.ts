import { z } from 'zod';
import { severitySchema } from '../../domain/alerts/severity.js';
import { settersSchema } from '../../domain/commands/written-order.js';
import type { Instance } from '../../engine/instance.js';

/** What the alert workflow remembers about one alert, inside its instance. */
export const alertDataSchema = z.looseObject({
  severity: severitySchema,
  /** The highest severity the alert ever had (a lowered critical alert still counts as critical). */
  peakSeverity: severitySchema.optional(),
  because: z.string(),
  responsible: z.string().optional(),
  node: z.string().optional(),
  problem: z.string().optional(),
  openedAt: z.string(),
  ackDeadline: z.string(),
  level: z.number().int().default(0),
  /** When the next escalation level or reminder is due (while unacknowledged). */
  nextEscalationAt: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  responseMs: z.number().int().optional(),
  resolvedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
  resolution: z.string().optional(),
  terminationProposed: z.boolean().default(false),
  /** The comment that last set the severity (`severity`): an older `/severity` handled after it does not undo it. */
  setters: settersSchema,
});

export type AlertData = z.output<typeof alertDataSchema>;

export const alertData = (instance: Instance): AlertData => alertDataSchema.parse(instance.data);
