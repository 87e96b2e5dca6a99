import { z } from 'zod';
import type { Instance } from '../../engine/instance.js';

const byAt = z.object({ by: z.string(), at: z.string() });
const itemState = z.object({ done: byAt.optional(), confirmed: byAt.optional() });

/** What the exit workflow remembers, inside its instance. */
export const exitDataSchema = z.looseObject({
  kind: z.enum(['notice', 'termination', 'refused']),
  operator: z.string(),
  openedAt: z.string(),
  lastDay: z.string().optional(),
  lastDayReached: z.boolean().default(false),
  checklist: z.record(z.string(), itemState).default({}),
  reason: z.string().optional(),
  proposedBy: z.string().optional(),
  reapplyFrom: z.string().optional(),
  releasedBy: z.string().optional(),
  payment: z
    .object({
      month: z.string(),
      totalCents: z.number().int(),
      baseCents: z.number().int(),
      bonusCents: z.number().int(),
      activeDays: z.number().int(),
      lastActiveDay: z.string(),
      wallet: z.string(),
      chain: z.string(),
      dueBy: z.string(),
      /** The payroll line it pays (`login` or `login@YYYY-MM-DD`); absent before stints: the login. */
      line: z.string().optional(),
    })
    .optional(),
  paid: byAt.extend({ tx: z.string() }).optional(),
  refusal: z.string().optional(),
});

export type ExitData = z.output<typeof exitDataSchema>;

export const exitData = (instance: Instance): ExitData => exitDataSchema.parse(instance.data);
