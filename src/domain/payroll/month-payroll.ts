import { computePayroll } from './compute.js';
import { payrollDigest } from './digest.js';
import type { Adjustment, Hold, PayrollInput } from './inputs.js';
import type { Payroll } from './payroll.js';
import { type MonthStandards, withStandards } from './standards.js';

/** What the payroll issue adds to a month's inputs: maintainers' adjustments and holds. */
export type MonthChanges = { adjustments: readonly Adjustment[]; holds: readonly Hold[] };

/**
 * THE payroll of a month: the input built from the operators' history (assemble.ts), the
 * issue's adjustments and holds, and the standards flags (credentials, pings) on the lines; with
 * the digest of all of it (what an approval is of). The payroll issue, `payroll preview` and the
 * exit's final payment all read a month through here. Pure.
 */
export function monthPayroll(
  input: PayrollInput,
  standards: MonthStandards | undefined,
  changes: MonthChanges = { adjustments: [], holds: [] },
): { payroll: Payroll; digest: string } {
  const full: PayrollInput = { ...input, adjustments: [...changes.adjustments], holds: [...changes.holds] };
  const payroll = computePayroll(full);
  return {
    payroll: standards ? withStandards(payroll, standards) : payroll,
    digest: payrollDigest(full, standards ?? null),
  };
}
