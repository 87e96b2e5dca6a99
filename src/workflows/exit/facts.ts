import type { PayrollInput } from '../../domain/payroll/index.js';
import type { OperatorRecord } from '../../domain/registry.js';
import type { LoadFacts } from '../../engine/module.js';
import { exitData } from './data.js';
import { trustedTermination } from './termination.js';

export type ExitFacts = { subject?: OperatorRecord; payrollInputs: Record<string, PayrollInput> };

const monthOf = (iso: string) => iso.slice(0, 7);

/** The leaving operator's record and the payroll inputs of the months a final payment may fall in. */
export const loadExitFacts: LoadFacts = async ({ event, instance, facts, services }) => {
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
  const result: ExitFacts = { ...(subject ? { subject } : {}), payrollInputs: Object.fromEntries(inputs) };
  return result;
};

export const exitFacts = (extra: Record<string, unknown> | undefined): ExitFacts =>
  (extra as ExitFacts | undefined) ?? { payrollInputs: {} };
