import { z } from 'zod';
import { chainSchema } from '../wallets/chains.js';

/**
 * A payment recorded by a maintainer (`/paid`): which month's pay of whom, by which transaction
 * on which chain. The ledger holds one per operator and month (PROGRAM.md "Compensation": the
 * exit payment is that month's pay, so the exit workflow and the payroll share the ledger).
 */
export const paymentSchema = z.object({
  login: z.string(),
  month: z.string(),
  cents: z.number().int().nonnegative(),
  tx: z.string(),
  /** The chain the transaction is on (absent in payments recorded before it was kept). */
  chain: chainSchema.optional(),
  by: z.string(),
  at: z.string(),
  /** Where it was recorded: the exit issue or the payroll issue, `owner/repo#n`. */
  issue: z.string(),
  /**
   * The payroll line paid: `login@YYYY-MM-DD` for an operator's second stint in the month;
   * absent for its first (or only) line, whose key is the login.
   */
  line: z.string().optional(),
  /** The Gitea user id of the person paid, when the bot knew it (people are their id; `login` is how they were shown). */
  userId: z.number().int().optional(),
});

export type Payment = z.output<typeof paymentSchema>;

/** The payroll line a payment pays (see `line`), lower-cased. */
export const paymentLine = (payment: Pick<Payment, 'line' | 'login'>): string =>
  (payment.line ?? payment.login).toLowerCase();
