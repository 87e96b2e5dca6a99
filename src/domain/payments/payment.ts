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
  /**
   * The payroll line paid: `login@YYYY-MM-DD` for an operator's second stint in the month;
   * absent for its first (or only) line, whose key is the login.
   */
  line: z.string().optional(),
});

export type Payment = z.output<typeof paymentSchema>;

/** The payroll line a payment pays (see `line`), lower-cased. */
export const paymentLine = (payment: Pick<Payment, 'line' | 'login'>): string =>
  (payment.line ?? payment.login).toLowerCase();
