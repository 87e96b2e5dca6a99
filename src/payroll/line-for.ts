import { computePayroll, type PayrollInput, type PayrollLine } from '../domain/payroll/index.js';
import type { OperatorRecord } from '../domain/registry.js';

/** One operator's payroll line, as it would be with their registry record replaced by `record`. Pure. */
export function payrollLineFor(input: PayrollInput, record: OperatorRecord): PayrollLine | undefined {
  const login = record.login.toLowerCase();
  const operators = [...input.operators.filter((o) => o.login.toLowerCase() !== login), record];
  return computePayroll({ ...input, operators }).lines.find((line) => line.operator.toLowerCase() === login);
}
