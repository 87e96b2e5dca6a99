import type { HistoryEvent, OperatorHistory } from '../history/events.js';
import { historyFromRecord } from '../history/legacy.js';
import { computePayroll, type PayrollInput, type PayrollLine } from './index.js';

/**
 * The operator's last payroll line of `input.month` as it would be with `events` appended to
 * its history (e.g. the end of its stint, to compute the final payment). Pure.
 */
export function payrollLineFor(
  input: PayrollInput,
  login: string,
  events: readonly HistoryEvent[],
): PayrollLine | undefined {
  const key = login.toLowerCase();
  const same = (operator: { login: string }) => operator.login.toLowerCase() === key;
  const histories = input.histories ?? [];
  const found: OperatorHistory | undefined =
    histories.find(same) ?? input.operators.filter(same).map(historyFromRecord)[0];
  if (!found) return undefined;
  const history = { ...found, events: [...found.events, ...events] };
  const lines = computePayroll({
    ...input,
    operators: input.operators.filter((o) => !same(o)),
    histories: [...histories.filter((h) => !same(h)), history],
  }).lines.filter((line) => line.operator.toLowerCase() === key);
  return lines.at(-1);
}
