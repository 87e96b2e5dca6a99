import { mentionArg } from '../../domain/commands/mentions.js';
import { alreadyPaid, recordedBy, txKey, txRefusal } from '../../domain/payments/ledger.js';
import type { Payment } from '../../domain/payments/payment.js';
import { formatDollars } from '../../domain/payroll/amount.js';
import { lineKey, type PayrollLine } from '../../domain/payroll/index.js';
import { unknownLogin } from '../../domain/text/inert.js';
import { type Chain, parseChain } from '../../domain/wallets/chains.js';
import { isTxHash, txFormat } from '../../domain/wallets/tx-hash.js';
import type { Effect } from '../../engine/effects.js';
import type { ActionResult, DecideContext } from '../../engine/module.js';
import { ledgerOf, payableLines, paymentOf } from './compute.js';
import { payrollData } from './data.js';
import { payrollFacts } from './facts.js';
import { staleName } from './renamed.js';

const USAGE =
  'write `/paid @operator TX`, `/paid all TX`, or `/paid all CHAIN TX` when the unpaid lines are on several chains.';

const byChain = (lines: readonly PayrollLine[]) => {
  const chains = new Map<string, string[]>();
  for (const line of lines) chains.set(line.chain, [...(chains.get(line.chain) ?? []), `@${line.operator}`]);
  return chains;
};

type Target = { lines: PayrollLine[]; chain: Chain } | { done: string } | string;

/** Which lines `/paid all [CHAIN] TX` pays: the unpaid lines of one chain. */
function allTargets(unpaid: PayrollLine[], chainArg: string | undefined, month: string): Target {
  if (unpaid.length === 0)
    return { done: `every payable line of ${month} is paid already (see the ledger in the table).` };
  const chains = byChain(unpaid);
  const named = chainArg ? parseChain(chainArg) : undefined;
  if (chainArg && !named)
    return `\`${chainArg}\` is not a chain; write one of ${[...chains.keys()].join(', ')}.`;
  const chain = named ?? (chains.size === 1 ? (unpaid[0]?.chain as Chain) : undefined);
  if (!chain) {
    const listed = [...chains].map(([c, who]) => `${c} (${who.join(', ')})`).join(' and ');
    return `the unpaid lines are on ${listed}, and a transaction is on one chain: write \`/paid all CHAIN TX\`, e.g. \`/paid all ${[...chains.keys()][0]} TX\`.`;
  }
  const lines = unpaid.filter((line) => line.chain === chain);
  if (lines.length === 0)
    return `no unpaid line is on ${chain}; the unpaid lines are on ${[...chains.keys()].join(', ')}.`;
  return { lines, chain };
}

/**
 * Which line `/paid @op TX` pays: the operator's first unpaid line (an operator back in the month
 * has a line per stint), else its last. A retry of the same payment here is done already.
 */
function oneTarget(ctx: DecideContext, ledger: Payment[], who: string, tx: string, issue: string): Target {
  const data = payrollData(ctx.instance);
  const login = mentionArg(who);
  const lines = (data.snapshot?.lines ?? []).filter((l) => l.operator.toLowerCase() === login?.toLowerCase());
  const line = lines.find((l) => !paymentOf(ledger, l) && !l.held && l.payableCents > 0) ?? lines.at(-1);
  if (!line) return `${unknownLogin(login ?? who)} has no line this month.`;
  const stale = staleName(ctx, line.operator);
  if (stale) return stale;
  const paid = paymentOf(ledger, line);
  if (paid && paid.issue === issue && txKey(paid.tx) === txKey(tx))
    return { done: `@${line.operator}'s payment ${tx} is recorded already (${formatDollars(paid.cents)}).` };
  if (paid) return alreadyPaid(ledger, lineKey(line), data.month) ?? 'paid already';
  if (line.held) return `@${line.operator}'s line is held; /unhold it first.`;
  if (line.payableCents <= 0) return `@${line.operator} has nothing payable this month.`;
  return { lines: [line], chain: line.chain as Chain };
}

/**
 * `/paid`: records, in the ledger, the amounts of the approved snapshot (never a recomputation)
 * for the lines one transaction on one chain paid. A transaction recorded in another issue, a
 * month's pay recorded already (here or at an exit) and a transaction of another chain are
 * refused with where they were recorded. When the ledger already has every line (a retry after a
 * failure), the command finishes what the first try started.
 */
export function recordPayments(ctx: DecideContext): ActionResult | string {
  const args = ctx.command?.args ?? [];
  const [who] = args;
  const tx = args.at(-1) ?? '';
  const data = payrollData(ctx.instance);
  if (!who || args.length < 2 || args.length > 3 || (args.length === 3 && who.toLowerCase() !== 'all'))
    return USAGE;
  if (!data.snapshot) return 'the payroll data could not be loaded';
  const issue = `${ctx.event.repo}#${ctx.event.issue.number}`;
  // A payment this very command recorded on an earlier try of its job (the worker died after the
  // ledger write, before the reply and the instance were saved) is decided again as on that try:
  // recording it again is a no-op, and the reply and the history say what the first try meant to.
  const ledger = ledgerOf(ctx, data).filter((payment) => !recordedBy(payment, ctx.event, issue, tx));
  const unpaid = payableLines(data.snapshot).filter((line) => !paymentOf(ledger, line));
  const target =
    who.toLowerCase() === 'all'
      ? allTargets(unpaid, args.length === 3 ? args[1] : undefined, data.month)
      : oneTarget(ctx, ledger, who, tx, issue);
  if (typeof target === 'string') return target;
  if ('done' in target) return { data: { ledger }, reply: target.done };
  if (!isTxHash(tx, target.chain))
    return `give the transaction id on ${target.chain} (${txFormat(target.chain)}).`;
  const refusal = txRefusal(payrollFacts(ctx.facts.extra).txUses, tx, issue, target.chain);
  if (refusal) return refusal;
  const { actor: by, at } = ctx.event;
  const payments: Payment[] = target.lines.map((line) => ({
    ...(lineKey(line) === line.operator.toLowerCase() ? {} : { line: lineKey(line) }),
    login: line.operator,
    month: data.month,
    cents: line.payableCents,
    tx,
    chain: target.chain,
    by,
    at,
    issue,
  }));
  const effects: Effect[] = payments.map((payment) => ({ type: 'recordPayment', payment }));
  const names = payments.map((p) => `@${p.login} ${formatDollars(p.cents)}`).join(', ');
  return {
    data: {
      ledger: [...ledger, ...payments],
      log: [...data.log, { by, at, text: `recorded payment ${tx} on ${target.chain} to ${names}` }],
    },
    reply: `payment ${tx} on ${target.chain} recorded for ${names}.`,
    effects,
  };
}
