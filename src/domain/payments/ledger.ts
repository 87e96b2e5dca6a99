import { formatDollars } from '../payroll/amount.js';
import { formatUtc } from '../time/format.js';
import { type Payment, paymentLine } from './payment.js';

/**
 * The key a transaction is recorded under: hex hashes (EVM `0x…`, Tron with or without `0x`)
 * compare case-insensitively and without `0x`; a Solana signature (base58) is case-sensitive.
 */
export function txKey(tx: string): string {
  const hex = /^(0x)?([0-9a-fA-F]{64})$/.exec(tx);
  return hex ? (hex[2] as string).toLowerCase() : tx;
}

/** The words of a comment that may be transaction ids (to look up before deciding). */
export function txCandidates(text: string): string[] {
  return [
    ...new Set(
      text.split(/\s+/).filter((word) => /^(0x)?[0-9a-fA-F]{64}$|^[1-9A-HJ-NP-Za-km-z]{86,88}$/.test(word)),
    ),
  ];
}

/** "$250.00 with `0x…` in owner/repo#5, 2026-12-03 10:00 UTC by @maint": where a payment is. */
const where = (payment: Payment): string =>
  `${formatDollars(payment.cents)} with \`${payment.tx}\` in ${payment.issue}, ${formatUtc(payment.at)} by @${payment.by}`;

/** "@bob's 2026-11 pay ($250.00 with `0x…` in owner/repo#5, … by @maint)". */
const describePayment = (payment: Payment): string =>
  `@${payment.login}'s ${payment.month} pay (${where(payment)})`;

/**
 * Why the payroll line `line` (its key: the login, or `login@YYYY-MM-DD` for a second stint in
 * the month) of `month` cannot be paid again, citing the first payment; undefined when it can.
 */
export function alreadyPaid(ledger: readonly Payment[], line: string, month: string): string | undefined {
  const first = ledger.find((p) => p.month === month && paymentLine(p) === line.toLowerCase());
  return first
    ? `@${first.login} is paid already for ${month}: ${where(first)} — a month's pay is recorded once.`
    : undefined;
}

/**
 * Why `tx` cannot pay from `issue` on `chain`: it was recorded in another issue (a transaction is
 * recorded once), or here on another chain (a transaction is on one chain). Undefined: it may.
 */
export function txRefusal(
  uses: Readonly<Record<string, Payment>>,
  tx: string,
  issue: string,
  chain: string,
): string | undefined {
  const first = uses[txKey(tx)];
  if (!first) return undefined;
  if (first.issue !== issue)
    return `\`${tx}\` is recorded already, for ${describePayment(first)}: a transaction is recorded once.`;
  if (first.chain && first.chain !== chain)
    return `\`${tx}\` is recorded already on ${first.chain} (${describePayment(first)}); a transaction is on one chain, not ${chain}.`;
  return undefined;
}

/**
 * Whether `payment` is the one a `/paid TX` command (its event's actor and time) records in
 * `issue`: found in the ledger, it was recorded by an earlier try of that command's job whose
 * worker died before the reply and the workflow's state were saved. The command then decides
 * again as on that try (recording it again is the ledger's no-op), not as a repeat.
 */
export function recordedBy(
  payment: Payment,
  event: { actor: string; at: string },
  issue: string,
  tx: string,
): boolean {
  return (
    payment.issue === issue &&
    txKey(payment.tx) === txKey(tx) &&
    payment.by === event.actor &&
    payment.at === event.at
  );
}
