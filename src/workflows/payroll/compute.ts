import { type Payment, paymentLine } from '../../domain/payments/payment.js';
import { lineKey, type Payroll, type PayrollLine } from '../../domain/payroll/index.js';
import { monthPayroll } from '../../domain/payroll/month-payroll.js';
import type { DecideContext } from '../../engine/module.js';
import { describeChanges } from './changes.js';
import { type PayrollData, payrollData } from './data.js';
import { payrollFacts } from './facts.js';
import { keepPaidLines } from './paid-lines.js';

/** The month's payroll with this adjustments and holds, and the digest of its inputs. Pure. */
export function computed(
  ctx: DecideContext,
  data: PayrollData = payrollData(ctx.instance),
): { payroll: Payroll; digest: string } | undefined {
  const { input, standards } = payrollFacts(ctx.facts.extra);
  return input ? monthPayroll(input, standards, data) : undefined;
}

/** The month's payroll as it would be computed now. Pure. */
export const currentPayroll = (ctx: DecideContext, data?: PayrollData) => computed(ctx, data)?.payroll;

/** The month's ledger: what the facts loaded plus what this issue recorded since (not applied yet). */
export function ledgerOf(ctx: DecideContext, data: PayrollData = payrollData(ctx.instance)): Payment[] {
  const stored = payrollFacts(ctx.facts.extra).storedPayments.filter((p) => p.month === data.month);
  const seen = new Set(stored.map(paymentLine));
  return [...stored, ...data.ledger.filter((p) => p.month === data.month && !seen.has(paymentLine(p)))];
}

/** The ledger's payment of a payroll line (matched by `lineKey`). */
export const paymentOf = (ledger: readonly Payment[], line: Pick<PayrollLine, 'key' | 'operator'>) =>
  ledger.find((p) => paymentLine(p) === lineKey(line));

/** Lines of the snapshot to pay: something payable, not held. */
export const payableLines = (payroll: Payroll | undefined): PayrollLine[] =>
  (payroll?.lines ?? []).filter((line) => line.payableCents > 0 && !line.held);

/** Payable lines of the snapshot with no payment in the ledger. */
export function unpaidLines(
  ctx: DecideContext,
  data: PayrollData = payrollData(ctx.instance),
): PayrollLine[] {
  const ledger = ledgerOf(ctx, data);
  return payableLines(data.snapshot).filter((line) => !paymentOf(ledger, line));
}

export type Refresh = {
  data: PayrollData;
  /** What changed on the lines when the digest changed (possibly nothing visible); undefined: same inputs. */
  changes?: string[];
  /** How many approvals the change voided. */
  voided: number;
};

/**
 * `data` with its snapshot computed again. A new digest replaces the snapshot and voids the
 * approvals (they were of the old one); the same digest keeps both. The ledger is taken as loaded;
 * a line it has paid keeps the amounts it was paid from (`keepPaidLines`).
 */
export function refreshed(ctx: DecideContext, data: PayrollData): Refresh | string {
  const now = computed(ctx, data);
  if (!now) return 'the payroll data could not be loaded';
  const ledger = ledgerOf(ctx, data);
  if (now.digest === data.digest && data.snapshot) return { data: { ...data, ledger }, voided: 0 };
  const { payroll, notes } = keepPaidLines(data.snapshot, now.payroll, ledger);
  return {
    data: {
      ...data,
      ledger,
      snapshot: payroll,
      digest: now.digest,
      snapshotAt: ctx.event.at,
      snapshotVersion: ctx.instance.version + 1,
      snapshotByComment: ctx.event.kind === 'comment.created' ? ctx.event.comment?.id : undefined,
      payableCents: payroll.payableCents,
      approvals: [],
    },
    changes: [...describeChanges(data.snapshot, payroll), ...notes],
    voided: data.approvals.length,
  };
}
