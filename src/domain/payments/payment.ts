import { z } from 'zod';

/** A payment recorded by a maintainer (`/paid`): which month's pay of whom, by which transaction. */
export const paymentSchema = z.object({
  login: z.string(),
  month: z.string(),
  cents: z.number().int().nonnegative(),
  tx: z.string(),
  by: z.string(),
  at: z.string(),
  /** Where it was recorded: the exit issue or the payroll issue. */
  issue: z.string(),
});

export type Payment = z.output<typeof paymentSchema>;
