import { payrollIssue } from '../../domain/payroll/marker.js';
import type { Effect } from '../../engine/effects.js';

/**
 * Closing `month` (YYYY-MM) for pay: open its payroll issue, which starts this workflow (the
 * same issue is edited if it is opened twice). Run on the 1st by the `monthClose` schedule, or by
 * `payroll open --month`.
 */
export function openMonthPayroll(month: string): Effect {
  const payroll = payrollIssue(month);
  return { type: 'openProgramIssue', key: payroll.key, issue: payroll.issue, start: true };
}
