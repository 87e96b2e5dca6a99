import type { HistoryEvent } from '../../domain/history/events.js';
import { lineKey } from '../../domain/payroll/index.js';
import { payrollLineFor } from '../../domain/payroll/line-for.js';
import { addMs } from '../../domain/time/instant.js';
import type { DecideContext } from '../../engine/module.js';
import type { ExitData } from './data.js';
import { exitFacts } from './facts.js';

/**
 * The final payment: the payroll line of the stint that ends, with `end` appended to the
 * operator's history (so base is pro-rated to the last active day and, for a termination for
 * cause, no bonuses). Pure: the month's payroll input was loaded before deciding.
 */
export function finalPayment(
  ctx: DecideContext,
  login: string,
  end: HistoryEvent,
  lastDay: string,
): ExitData['payment'] | string {
  const month = lastDay.slice(0, 7);
  const input = exitFacts(ctx.facts.extra).payrollInputs[month];
  if (!input) return `the payroll data of ${month} was not loaded`;
  const line = payrollLineFor(input, login, [end]);
  if (!line) return `@${login} has no payroll line in ${month}`;
  return {
    month,
    totalCents: line.totalCents,
    baseCents: line.baseCents,
    bonusCents: line.bonusCents,
    activeDays: line.activeDays,
    lastActiveDay: line.lastActiveDay,
    wallet: line.wallet,
    chain: line.chain,
    dueBy: addMs(lastDay, ctx.config.exit.paymentWithin),
    line: lineKey(line),
  };
}
