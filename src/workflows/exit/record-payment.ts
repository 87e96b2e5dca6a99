import { alreadyPaid, recordedBy, txKey, txRefusal } from '../../domain/payments/ledger.js';
import { paymentLine } from '../../domain/payments/payment.js';
import type { Chain } from '../../domain/wallets/chains.js';
import { isTxHash, txFormat } from '../../domain/wallets/tx-hash.js';
import type { ActionResult, DecideContext } from '../../engine/module.js';
import { exitData } from './data.js';
import { exitFacts } from './facts.js';

/**
 * `/paid TX`: the final payment, in the ledger the payroll shares (one payment per payroll line
 * and month). A transaction recorded in another issue is refused. When the ledger already has
 * the line paid (by the month's payroll, or by an earlier command here), the new transaction is
 * not recorded, the reply cites the payment that stands, and the exit is settled by it: the state
 * follows the ledger. This command's own payment, recorded by a try of its job that died before
 * finishing, is recorded again (a no-op), so the retry also refreshes the payrolls (`recordedBy`).
 */
export function recordPayment(ctx: DecideContext): ActionResult | string {
  const { command, event, instance } = ctx;
  const data = exitData(instance);
  if (!data.payment) return 'there is no final payment to record';
  const tx = command?.args[0] ?? '';
  const chain = data.payment.chain as Chain;
  if (!isTxHash(tx, chain)) {
    return `give the transaction id on ${data.payment.chain} (${txFormat(chain)}): \`/paid TX\`.`;
  }
  const facts = exitFacts(ctx.facts.extra);
  const issue = `${event.repo}#${event.issue.number}`;
  const line = (data.payment.line ?? data.operator).toLowerCase();
  // This command's own payment, recorded by an earlier try of its job, is decided again as then.
  const first = facts.ledger.find(
    (p) => p.month === data.payment?.month && paymentLine(p) === line && !recordedBy(p, event, issue, tx),
  );
  if (first) {
    const again = first.issue === issue && txKey(first.tx) === txKey(tx);
    return {
      data: { paid: { by: first.by, at: first.at, tx: first.tx } },
      reply: again
        ? `payment recorded: ${tx}.`
        : `\`${tx}\` is not recorded: ${alreadyPaid(facts.ledger, line, data.payment.month)} This exit is settled by that payment.`,
    };
  }
  const refusal = txRefusal(facts.txUses, tx, issue, chain);
  if (refusal) return refusal;
  return {
    data: { paid: { by: event.actor, at: event.at, tx } },
    reply: `payment recorded: ${tx}.`,
    effects: [
      {
        type: 'recordPayment',
        payment: {
          login: data.operator,
          month: data.payment.month,
          cents: data.payment.totalCents,
          tx,
          chain,
          by: event.actor,
          at: event.at,
          issue,
          ...(data.payment.line ? { line: data.payment.line } : {}),
        },
      },
    ],
  };
}
