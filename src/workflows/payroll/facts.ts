import type { Payment } from '../../domain/payments/payment.js';
import type { PayrollInput } from '../../domain/payroll/index.js';
import { readPayrollMonth } from '../../domain/payroll/marker.js';
import type { LoadFacts } from '../../engine/module.js';
import type { MonthStandards } from '../../payroll/standards.js';
import { payrollData } from './data.js';

export type PayrollFacts = { input?: PayrollInput; storedPayments: Payment[]; standards?: MonthStandards };

/** The month's payroll input and the payments already recorded for it (e.g. at an exit). */
export const loadPayrollFacts: LoadFacts = async ({ event, instance, services }) => {
  const month = instance ? payrollData(instance).month : readPayrollMonth(event.issue.body);
  if (!month) return { storedPayments: [] };
  const [input, storedPayments, standards] = await Promise.all([
    services.payrollInput(month),
    services.payments(month),
    services.standards(month),
  ]);
  const facts: PayrollFacts = { input, storedPayments, standards };
  return facts;
};

export const payrollFacts = (extra: Record<string, unknown> | undefined): PayrollFacts =>
  (extra as PayrollFacts | undefined) ?? { storedPayments: [] };
