import { readPayrollMonth } from '../../domain/payroll/marker.js';
import type { Guard } from '../../engine/module.js';
import { currentPayroll, unpaidLines } from './compute.js';
import { payrollData } from './data.js';

export const payrollGuards: Record<string, Guard> = {
  /** Only an issue the bot opened with a month's marker is a payroll (a pasted marker is not). */
  isPayrollIssue: ({ event, facts }) =>
    (event.issue.author.toLowerCase() === facts.botLogin?.toLowerCase() &&
      readPayrollMonth(event.issue.body) !== undefined) ||
    'not a payroll issue opened by the bot',
  enoughApprovals: ({ instance, config }) =>
    payrollData(instance).approvals.length >= config.payroll.approvalsRequired || 'not enough approvals',
  allPaid: (ctx) => {
    const payroll = currentPayroll(ctx);
    return (payroll !== undefined && unpaidLines(ctx, payroll).length === 0) || 'lines are unpaid';
  },
};
