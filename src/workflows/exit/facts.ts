import type { OperatorRecord } from '../../domain/operator-record.js';
import { txCandidates } from '../../domain/payments/ledger.js';
import type { Payment } from '../../domain/payments/payment.js';
import type { PayrollInput } from '../../domain/payroll/index.js';
import type { LoadFacts } from '../../engine/module.js';
import { exitData } from './data.js';
import { trustedTermination } from './termination.js';

/** What the exit workflow looks up before deciding; the composition root provides it. */
export type ExitServices = {
  operator: (login: string) => Promise<OperatorRecord | undefined>;
  /** Everything the payroll of `month` is computed from, as stored now (for the final payment). */
  payrollInput: (month: string) => Promise<PayrollInput>;
  /** The ledger's payments of `month` (exit and payroll alike). */
  payments: (month: string) => Promise<Payment[]>;
  /** The first payment recorded with each of these transactions that the ledger has, by `txKey`. */
  txUses: (txs: readonly string[]) => Promise<Record<string, Payment>>;
};

export type ExitFacts = {
  subject?: OperatorRecord;
  payrollInputs: Record<string, PayrollInput>;
  /** The ledger's payments of the final payment's month (the payroll may have paid it). */
  ledger: Payment[];
  /** Transactions named in the comment that the ledger has already, by `txKey`. */
  txUses: Record<string, Payment>;
};

const monthOf = (iso: string) => iso.slice(0, 7);

/** The leaving operator's record and the payroll inputs of the months a final payment may fall in. */
export const loadExitFacts: LoadFacts<ExitServices> = async ({ event, instance, facts, services }) => {
  const termination = instance ? undefined : trustedTermination(event, facts);
  const login = instance ? exitData(instance).operator : (termination?.login ?? event.issue.author);
  const lastDay = instance ? exitData(instance).lastDay : undefined;
  const months = [...new Set([event.at, ...(lastDay ? [lastDay] : [])].map(monthOf))];
  const subject = await services.operator(login);
  const needsPay =
    termination?.mode === 'recorded' || instance?.state === 'notice' || instance?.state === 'proposed';
  const inputs = needsPay
    ? await Promise.all(months.map(async (m) => [m, await services.payrollInput(m)] as const))
    : [];
  const paymentMonth = instance ? exitData(instance).payment?.month : undefined;
  const [ledger, txUses] = await Promise.all([
    paymentMonth ? services.payments(paymentMonth) : [],
    services.txUses(txCandidates(event.comment?.body ?? '')),
  ]);
  const result: ExitFacts = {
    ...(subject ? { subject } : {}),
    payrollInputs: Object.fromEntries(inputs),
    ledger,
    txUses,
  };
  return result;
};

export const exitFacts = (extra: Record<string, unknown> | undefined): ExitFacts => ({
  payrollInputs: {},
  ledger: [],
  txUses: {},
  ...(extra as Partial<ExitFacts> | undefined),
});
