import { parseCommands } from '../../domain/commands/parse.js';
import { txCandidates } from '../../domain/payments/ledger.js';
import type { Payment } from '../../domain/payments/payment.js';
import type { PayrollInput } from '../../domain/payroll/index.js';
import { readPayrollMonth } from '../../domain/payroll/marker.js';
import type { MonthStandards } from '../../domain/payroll/standards.js';
import type { LoadFacts } from '../../engine/module.js';
import type { BotEvent } from '../../gitea/event.js';
import { payrollData } from './data.js';

/**
 * What the author of a comment could have seen of a workflow's status comment: `edited`, someone
 * changed its body since the bot wrote it; `shownAt` (ISO UTC), when Gitea first showed it at the
 * version asked for or a later one (unset: not recorded).
 */
export type StatusSeen = { edited: boolean; shownAt?: string };

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
  /** What the author of `event`'s comment could have seen of the issue's status comment of `workflow` at `version` (src/worker/status-seen.ts). */
  statusSeen: (event: BotEvent, workflow: string, version: number | undefined) => Promise<StatusSeen>;
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
  /** For a comment holding `/approve`: when Gitea first showed the table as it stands (ISO UTC; unset: not recorded). */
  tableShownAt?: string;
};

/** The month's payroll input, its ledger, and the ledger's uses of the transactions the comment names. */
export const loadPayrollFacts: LoadFacts<PayrollServices> = async ({ event, instance, services }) => {
  const month = instance ? payrollData(instance).month : readPayrollMonth(event.issue.body);
  if (!month) return { storedPayments: [], txUses: {} };
  const approving =
    instance !== null && parseCommands(event.comment?.body ?? '').some((c) => c.name === 'approve');
  const version = instance ? payrollData(instance).snapshotVersion : undefined;
  const [input, storedPayments, standards, txUses, seen] = await Promise.all([
    services.payrollInput(month),
    services.payments(month),
    services.standards(month),
    services.txUses(txCandidates(event.comment?.body ?? '')),
    approving ? services.statusSeen(event, 'payroll', version) : undefined,
  ]);
  const facts: PayrollFacts = {
    input,
    storedPayments,
    standards,
    txUses,
    ...(seen?.edited ? { statusEdited: true } : {}),
    ...(seen?.shownAt ? { tableShownAt: seen.shownAt } : {}),
  };
  return facts;
};

export const payrollFacts = (extra: Record<string, unknown> | undefined): PayrollFacts => ({
  storedPayments: [],
  txUses: {},
  ...(extra as Partial<PayrollFacts> | undefined),
});
