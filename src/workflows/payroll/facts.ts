import { parseCommands } from '../../domain/commands/parse.js';
import { txCandidates } from '../../domain/payments/ledger.js';
import type { Payment } from '../../domain/payments/payment.js';
import type { PayrollInput } from '../../domain/payroll/index.js';
import { readPayrollMonth } from '../../domain/payroll/marker.js';
import type { MonthStandards } from '../../domain/payroll/standards.js';
import type { LoadFacts } from '../../engine/module.js';
import { payrollData } from './data.js';

/** What the payroll workflow looks up before deciding; the composition root provides it. */
export type PayrollServices = {
  /** Everything the payroll of `month` is computed from, as stored now. */
  payrollInput: (month: string) => Promise<PayrollInput>;
  /** The ledger's payments of `month` (exit and payroll alike). */
  payments: (month: string) => Promise<Payment[]>;
  /** The first payment recorded with each of these transactions that the ledger has, by `txKey`. */
  txUses: (txs: readonly string[]) => Promise<Record<string, Payment>>;
  /** Credentials overdue at the month's end and the month's pings, for the payroll lines. */
  standards: (month: string) => Promise<MonthStandards>;
  /** Whether the issue's status comment of `workflow` reads as the bot last wrote it (src/worker/status-as-written.ts). */
  statusAsWritten: (repo: string, issue: number, workflow: string) => Promise<boolean>;
};

export type PayrollFacts = {
  input?: PayrollInput;
  /** The month's payments in the ledger, wherever they were recorded. */
  storedPayments: Payment[];
  standards?: MonthStandards;
  /** Transactions named in the comment that the ledger has already, by `txKey`. */
  txUses: Record<string, Payment>;
  /** Set for a comment holding `/approve`: someone edited the status comment (its table) since the bot wrote it. */
  statusEdited?: boolean;
};

/** The month's payroll input, its ledger, and the ledger's uses of the transactions the comment names. */
export const loadPayrollFacts: LoadFacts<PayrollServices> = async ({ event, instance, services }) => {
  const month = instance ? payrollData(instance).month : readPayrollMonth(event.issue.body);
  if (!month) return { storedPayments: [], txUses: {} };
  const approving =
    instance !== null && parseCommands(event.comment?.body ?? '').some((c) => c.name === 'approve');
  const [input, storedPayments, standards, txUses, asWritten] = await Promise.all([
    services.payrollInput(month),
    services.payments(month),
    services.standards(month),
    services.txUses(txCandidates(event.comment?.body ?? '')),
    approving ? services.statusAsWritten(event.repo, event.issue.number, 'payroll') : true,
  ]);
  const facts: PayrollFacts = {
    input,
    storedPayments,
    standards,
    txUses,
    ...(asWritten ? {} : { statusEdited: true }),
  };
  return facts;
};

export const payrollFacts = (extra: Record<string, unknown> | undefined): PayrollFacts => ({
  storedPayments: [],
  txUses: {},
  ...(extra as Partial<PayrollFacts> | undefined),
});
