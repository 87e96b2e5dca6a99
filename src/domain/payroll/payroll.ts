import { z } from 'zod';
import { monthSchema } from '../time/month.js';
import { chainSchema } from '../wallets/chains.js';
import { adjustmentSchema, holdSchema } from './inputs.js';
import { payrollLineSchema } from './line.js';

const cents = z.number().int().nonnegative();

/**
 * The payroll of a month. `totalCents` counts every line in full, held or not (it is what the
 * month costs); `payableCents` leaves out held lines and held commissions (it is what can be
 * paid now); `heldCents` is the difference. `totalsByChain` splits `totalCents` and
 * `payableByChain` splits `payableCents` by the wallets' chains. `commissionsByPartner` has
 * every partner whose commission this month is above 0 (held or not).
 */
export const payrollSchema = z.object({
  month: monthSchema,
  lines: z.array(payrollLineSchema),
  totalCents: cents,
  payableCents: cents,
  heldCents: cents,
  totalsByChain: z.partialRecord(chainSchema, cents),
  payableByChain: z.partialRecord(chainSchema, cents),
  commissionsByPartner: z.record(z.string(), cents),
  /** Adjustments and holds naming nobody with a line this month: nothing was applied. */
  unmatched: z.object({ adjustments: z.array(adjustmentSchema), holds: z.array(holdSchema) }),
});
export type Payroll = z.output<typeof payrollSchema>;
