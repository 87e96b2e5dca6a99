import type { Chain } from '../wallets/chains.js';
import type { PayrollLine } from './line.js';

/** Sums over the lines; see `payrollSchema` for what each counts. */
export interface PayrollTotals {
  totalCents: number;
  payableCents: number;
  heldCents: number;
  totalsByChain: Partial<Record<Chain, number>>;
  payableByChain: Partial<Record<Chain, number>>;
  commissionsByPartner: Record<string, number>;
}

export function payrollTotals(lines: readonly PayrollLine[]): PayrollTotals {
  const totalsByChain: Partial<Record<Chain, number>> = {};
  const payableByChain: Partial<Record<Chain, number>> = {};
  const commissionsByPartner: Record<string, number> = {};
  let totalCents = 0;
  let payableCents = 0;
  for (const line of lines) {
    totalCents += line.totalCents;
    payableCents += line.payableCents;
    totalsByChain[line.chain] = (totalsByChain[line.chain] ?? 0) + line.totalCents;
    payableByChain[line.chain] = (payableByChain[line.chain] ?? 0) + line.payableCents;
    if (line.commissionCents > 0) commissionsByPartner[line.operator] = line.commissionCents;
  }
  return {
    totalCents,
    payableCents,
    heldCents: totalCents - payableCents,
    totalsByChain,
    payableByChain,
    commissionsByPartner,
  };
}
