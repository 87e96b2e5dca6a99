import type { ProgramConfig } from '../../config/program.js';
import { md, trusted } from '../../domain/markdown/compose.js';
import { formatUtc } from '../../domain/time/format.js';
import { nextLine } from '../../engine/asks.js';
import type { Instance } from '../../engine/instance.js';
import { exitAsks } from './asks.js';
import { NOTICE_CHECKLIST, TERMINATION_CHECKLIST } from './checklist.js';
import { exitData } from './data.js';

const TITLES: Record<string, string> = {
  notice: 'Notice period',
  payout: 'Final payment due',
  proposed: 'Termination proposed',
  terminated: 'Terminated',
  done: 'Done',
  refused: 'Not an exit notice',
  cancelled: 'Termination cancelled',
};

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** The status comment's view: the checklist, the last day, the final payment. */
export function exitStatusView(instance: Instance, config: ProgramConfig): Record<string, unknown> {
  const data = exitData(instance);
  const rules = data.kind === 'termination' ? TERMINATION_CHECKLIST : NOTICE_CHECKLIST;
  const checklist = Object.entries(rules).map(([item, rule]) => {
    const state = data.checklist[item];
    const done = (!rule?.byOperator || state?.done) && (!rule?.byMaintainer || state?.confirmed);
    const who = [
      state?.done ? md`done by @${state.done.by}` : '',
      state?.confirmed ? md`verified by @${state.confirmed.by}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const how =
      rule?.byOperator && !state?.done
        ? `\`/done ${item}\``
        : rule?.byMaintainer && !state?.confirmed
          ? `\`/confirm ${item}\``
          : '';
    // Items, rule texts and the commands are the bot's own; the logins are Gitea's.
    return {
      line: trusted(
        `[${done ? 'x' : ' '}] ${rule?.text}${who ? ` — ${who}` : ''}${!done && how ? ` (${how})` : ''}`,
      ),
    };
  });
  const payment = data.payment;
  const asks = exitAsks(instance.state, data, config);
  return {
    asks,
    next: asks.length > 0 ? trusted(nextLine(asks)) : undefined,
    title: TITLES[instance.state] ?? instance.state,
    operator: data.operator,
    termination: data.kind === 'termination',
    proposed: instance.state === 'proposed',
    reason: data.reason,
    // The bot's own sentence about the author, a Gitea login (exit/actions.ts).
    refusal: data.refusal === undefined ? undefined : trusted(data.refusal),
    lastDay: data.lastDay ? formatUtc(data.lastDay) : undefined,
    showChecklist: data.kind !== 'refused' && instance.state !== 'proposed',
    checklist,
    reapplyFrom: data.reapplyFrom,
    reapplyMonths: config.onboarding.reapplyAfter,
    payment: payment
      ? {
          total: dollars(payment.totalCents),
          base: dollars(payment.baseCents),
          bonuses: dollars(payment.bonusCents),
          activeDays: payment.activeDays,
          lastActiveDay: payment.lastActiveDay,
          month: payment.month,
          wallet: payment.wallet,
          chain: payment.chain,
          dueBy: formatUtc(payment.dueBy),
        }
      : undefined,
    paid: data.paid
      ? md`${data.paid.tx} (recorded by @${data.paid.by} at ${formatUtc(data.paid.at)})`
      : undefined,
  };
}
