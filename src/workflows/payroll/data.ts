import { z } from 'zod';
import { settersSchema } from '../../domain/commands/written-order.js';
import { paymentSchema } from '../../domain/payments/payment.js';
import { adjustmentSchema, holdSchema, payrollSchema } from '../../domain/payroll/index.js';
import type { Instance } from '../../engine/instance.js';

const byAt = z.object({ by: z.string(), at: z.string() });

/** An adjustment above a ceiling, waiting for a second maintainer's `/adjust confirm N`. */
export const pendingAdjustmentSchema = adjustmentSchema.extend({
  id: z.number().int().positive(),
  at: z.string(),
  /** The asking maintainer's Gitea user id: a rename does not make them a second maintainer. */
  byId: z.number().int().optional(),
});

/** What the payroll workflow remembers of a month, inside its instance. */
export const payrollDataSchema = z.looseObject({
  month: z.string(),
  adjustments: z.array(adjustmentSchema).default([]),
  holds: z.array(holdSchema).default([]),
  /** The comment that last set each line's hold (`hold:<login>`): an older `/hold` or `/unhold` handled after it does not undo it. */
  setters: settersSchema,
  pendingAdjustments: z.array(pendingAdjustmentSchema).default([]),
  /** Approvals of the snapshot whose input digest they name; a new digest voids them. One per person (`byId`, the Gitea user id). */
  approvals: z
    .array(byAt.extend({ digest: z.string().default(''), byId: z.number().int().optional() }))
    .default([]),
  /** Every change, with who and why, shown in the issue. */
  log: z.array(byAt.extend({ text: z.string() })).default([]),
  /** The payable total of the snapshot. */
  payableCents: z.number().int().default(0),
  /** The payroll as last computed: what the issue shows, what maintainers approve, what `/paid` pays. */
  snapshot: payrollSchema.optional(),
  /** The digest of the inputs the snapshot was computed from (domain/payroll/digest.ts). */
  digest: z.string().default(''),
  /** When (event time) the snapshot took that digest: an approval written before it saw another table. */
  snapshotAt: z.string().optional(),
  /**
   * The instance version that took that digest: its status comment shows the table from the write
   * of that version on (src/store/written.ts statusShownSince), when Gitea has it, not at the event.
   */
  snapshotVersion: z.number().int().optional(),
  /** The comment whose command changed it (`/hold`, `/adjust`…), if one did: its own later `/approve` saw the change. */
  snapshotByComment: z.number().int().optional(),
  /** The month's payments in the ledger (this and an exit's), as last seen. */
  ledger: z.array(paymentSchema).default([]),
});

export type PayrollData = z.output<typeof payrollDataSchema>;

export const payrollData = (instance: Instance): PayrollData => payrollDataSchema.parse(instance.data);
