import { type Payment, paymentLine } from '../../domain/payments/payment.js';
import { formatDollars } from '../../domain/payroll/amount.js';
import { lineKey, type Payroll } from '../../domain/payroll/index.js';
import { payrollTotals } from '../../domain/payroll/totals.js';

/**
 * `after` with every line the ledger has paid kept as it was in `before` (the snapshot it was paid
 * from): a paid line never changes, so the table shows what was paid. `notes` says, per paid line
 * whose recomputed total differs, that the difference belongs in a later month's `/adjust`. Pure.
 */
export function keepPaidLines(
  before: Payroll | undefined,
  after: Payroll,
  ledger: readonly Payment[],
): { payroll: Payroll; notes: string[] } {
  const paid = new Set(ledger.map(paymentLine));
  const old = new Map((before?.lines ?? []).map((line) => [lineKey(line), line]));
  const notes: string[] = [];
  const lines = after.lines.map((line) => {
    const kept = paid.has(lineKey(line)) ? old.get(lineKey(line)) : undefined;
    if (!kept) return line;
    if (kept.totalCents !== line.totalCents)
      notes.push(
        `@${line.operator} is paid already (${formatDollars(kept.totalCents)}), so the line stays as paid; recomputed it would be ${formatDollars(line.totalCents)}: \`/adjust\` the difference in a later month's payroll`,
      );
    return kept;
  });
  return { payroll: { ...after, lines, ...payrollTotals(lines) }, notes };
}
