import { paymentLine } from '../../domain/payments/payment.js';
import { computePayroll, lineKey, type Payroll } from '../../domain/payroll/index.js';
import type { Instance } from '../../engine/instance.js';
import type { DecideContext } from '../../engine/module.js';
import { withStandards } from '../../payroll/standards.js';
import { type PayrollData, payrollData } from './data.js';
import { payrollFacts } from './facts.js';

/** The month's payroll with this adjustments and holds. Pure. */
export function currentPayroll(
  ctx: DecideContext,
  data: PayrollData = payrollData(ctx.instance),
): Payroll | undefined {
  const { input, standards } = payrollFacts(ctx.facts.extra);
  if (!input) return undefined;
  const payroll = computePayroll({ ...input, adjustments: data.adjustments, holds: data.holds });
  return standards ? withStandards(payroll, standards) : payroll;
}

/** What a recomputation stores: the payroll shown and which lines were paid for the month elsewhere. */
export const snapshotOf = (ctx: DecideContext, payroll: Payroll) => ({
  snapshot: payroll,
  paidElsewhere: payrollFacts(ctx.facts.extra).storedPayments.map(paymentLine),
});

/**
 * The lines paid already (by line key: the login, or `login@YYYY-MM-DD` for a second stint in
 * the month): here, or elsewhere for the same month (an exit payment).
 */
export function paidLines(ctx: DecideContext, instance: Instance = ctx.instance): Set<string> {
  const here = Object.keys(payrollData(instance).payments);
  const elsewhere = payrollFacts(ctx.facts.extra).storedPayments.map(paymentLine);
  return new Set([...here, ...elsewhere]);
}

/** Lines still to pay: something payable, not held, not paid. */
export function unpaidLines(ctx: DecideContext, payroll: Payroll, instance: Instance = ctx.instance) {
  const paid = paidLines(ctx, instance);
  return payroll.lines.filter((line) => line.payableCents > 0 && !line.held && !paid.has(lineKey(line)));
}
