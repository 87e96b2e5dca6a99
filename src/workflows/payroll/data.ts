import { z } from 'zod';
import { adjustmentSchema, holdSchema, payrollSchema } from '../../domain/payroll/index.js';
import type { Instance } from '../../engine/instance.js';

const byAt = z.object({ by: z.string(), at: z.string() });

/** What the payroll workflow remembers of a month, inside its instance. */
export const payrollDataSchema = z.looseObject({
  month: z.string(),
  adjustments: z.array(adjustmentSchema).default([]),
  holds: z.array(holdSchema).default([]),
  approvals: z.array(byAt).default([]),
  /** Every change, with who and why, shown in the issue. */
  log: z.array(byAt.extend({ text: z.string() })).default([]),
  /** Payments recorded here, by line key (the lower-case login, or `login@YYYY-MM-DD` for a second stint). */
  payments: z.record(z.string(), byAt.extend({ tx: z.string(), cents: z.number().int() })).default({}),
  /** The payable total when last computed: a change voids the approvals. */
  payableCents: z.number().int().default(0),
  /** The payroll as last computed: what the issue shows and what maintainers approve. */
  snapshot: payrollSchema.optional(),
  /** Line keys paid for this month elsewhere (at the operator's exit), shown as paid. */
  paidElsewhere: z.array(z.string()).default([]),
});

export type PayrollData = z.output<typeof payrollDataSchema>;

export const payrollData = (instance: Instance): PayrollData => payrollDataSchema.parse(instance.data);
