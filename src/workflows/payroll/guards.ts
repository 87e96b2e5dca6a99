import { readPayrollMonth } from '../../domain/payroll/marker.js';
import type { Guard } from '../../engine/module.js';
import { unpaidLines } from './compute.js';
import { payrollData } from './data.js';

export const payrollGuards: Record<string, Guard> = {
  /** Only an issue the bot opened with a month's marker is a payroll (a pasted marker is not). */
  isPayrollIssue: ({ event, facts }) =>
    (event.issue.author.toLowerCase() === facts.botLogin?.toLowerCase() &&
      readPayrollMonth(event.issue.body) !== undefined) ||
    'not a payroll issue opened by the bot',
  /** Distinct approvals of the snapshot shown (its digest). */
  enoughApprovals: ({ instance, config }) => {
    const data = payrollData(instance);
    const current = data.approvals.filter((a) => a.digest === '' || a.digest === data.digest);
    return current.length >= config.payroll.approvalsRequired || 'not enough approvals';
  },
  /** The ledger has a payment for every payable line of the snapshot. */
  allPaid: (ctx) => {
    const data = payrollData(ctx.instance);
    return (data.snapshot !== undefined && unpaidLines(ctx, data).length === 0) || 'lines are unpaid';
  },
};
