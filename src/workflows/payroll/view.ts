import type { ProgramConfig } from '../../config/program.js';
import { md, trusted } from '../../domain/markdown/compose.js';
import { paymentLine } from '../../domain/payments/payment.js';
import { formatDollars } from '../../domain/payroll/amount.js';
import { payrollCsv, safeAirdropCsv } from '../../domain/payroll/export.js';
import { lineKey, type PayrollLine } from '../../domain/payroll/index.js';
import { inert } from '../../domain/text/inert.js';
import { maintainerHandles } from '../../domain/text/mentions.js';
import { formatUtc } from '../../domain/time/format.js';
import { type Ask, nextLine } from '../../engine/asks.js';
import type { Instance } from '../../engine/instance.js';
import { payrollData } from './data.js';

const TITLES: Record<string, string> = { review: 'In review', approved: 'Approved', paid: 'Paid' };
const bonus = (cents: number) => (cents > 0 ? formatDollars(cents) : '—');
/** Commission and adjustment in one cell: `$84.00 + $10.00`, `−$5.00`, or `—`. */
const extra = (commission: number, adjustment: number) =>
  [commission !== 0 ? formatDollars(commission) : '', adjustment !== 0 ? formatDollars(adjustment) : '']
    .filter(Boolean)
    .join(' + ') || '—';

/** `7`, or `3 → 7 (from 2026-11-15)` when the count changed during the line. */
function nodesCell(line: PayrollLine): string {
  const periods = line.nodePeriods ?? [];
  if (periods.length < 2) return String(line.nodes);
  return periods.map((p, i) => (i === 0 ? String(p.nodes) : `${p.nodes} (from ${p.from})`)).join(' → ');
}

/** The base with its pro-ration, one part per node count when the count changed. */
function baseReason(line: PayrollLine): string {
  const periods = line.nodePeriods ?? [];
  const parts =
    periods.length < 2
      ? `${formatDollars(line.fullBaseCents)} for ${line.paidNodes} node(s) × ${line.activeDays}/${line.daysInMonth} days`
      : periods
          .map(
            (p) =>
              `${formatDollars(p.fullBaseCents)} for ${p.paidNodes} node(s) × ${p.days}/${line.daysInMonth} days (${p.from}–${p.to})`,
          )
          .join(' + ');
  return `base ${parts} = ${formatDollars(line.baseCents)}`;
}

/**
 * The payroll comment: a seven-column summary per operator (fits 880 px), each operator's details
 * (wallet, chain, every amount with the metric behind it) folded, totals, exports, approvals, log.
 */
export function payrollStatusView(instance: Instance, config: ProgramConfig): Record<string, unknown> {
  const data = payrollData(instance);
  const payroll = data.snapshot;
  const token = config.payroll.token;
  const here = `${instance.repo}#${instance.issue}`;
  const ledger = new Map(data.ledger.map((p) => [paymentLine(p), p]));
  const paid = new Set(ledger.keys());
  const lines = payroll?.lines ?? [];
  const rows = lines.map((line) => {
    const payment = ledger.get(lineKey(line));
    const state = payment
      ? payment.issue === here
        ? `✅ paid ${formatDollars(payment.cents)} (${payment.tx.slice(0, 12)}…)`
        : `✅ paid at exit (${formatDollars(payment.cents)} in ${payment.issue})`
      : line.held
        ? '⏸ held'
        : 'due';
    const bonuses = Object.values(line.bonuses).reduce((sum, cents) => sum + cents, 0);
    // Seven columns fit Gitea's 880 px comment column; the rest is in each operator's details.
    // Every cell is the bot's: logins from the registry, amounts.
    return {
      cells: trusted(
        [
          `@${line.operator}`,
          line.status,
          formatDollars(line.baseCents),
          bonus(bonuses),
          extra(line.commissionCents, line.adjustmentCents),
          `**${formatDollars(line.totalCents)}**`,
          state,
        ].join(' | '),
      ),
    };
  });
  const operatorDetails = lines.map((line) => {
    // A second stint in the month has its own line: say which.
    const who =
      lineKey(line) === line.operator.toLowerCase()
        ? line.operator
        : `${line.operator} (from ${line.firstActiveDay})`;
    return {
      operator: who,
      summary: trusted(`@${who} · ${formatDollars(line.totalCents)} to ${line.chain}`),
      // The bot's own sentences (domain/payroll/*), except the reasons people gave, escaped or inert.
      details: [
        // A validated wallet (domain/payroll), shown whole so it can be checked against the registry.
        trusted(`wallet \`${line.wallet}\` on ${line.chain}`),
        trusted(`${nodesCell(line)} node(s) registered, active ${line.activeDays}/${line.daysInMonth} days`),
        trusted(baseReason(line)),
        ...Object.entries(line.bonusDetails).map(([kind, detail]) =>
          trusted(`${kind}: ${detail.metric} → ${detail.earned ? formatDollars(detail.cents) : 'no bonus'}`),
        ),
        ...line.commissionDetails.map((c) =>
          trusted(
            `commission on @${c.referred} (month ${c.monthIndex}): ${config.partners.commissionPercent}% of ${formatDollars(c.baseCents + c.bonusCents)} = ${formatDollars(c.commissionCents)}`,
          ),
        ),
        ...line.adjustments.map(
          (a) => md`adjustment ${formatDollars(a.cents)} by @${a.by}: ${inert(a.reason)}`,
        ),
        ...(line.holdReason ? [md`held: ${line.holdReason}`] : []),
        ...(line.pings
          ? [
              `pings: ${line.pings.asked} asked, ${line.pings.answered} answered in time, ${line.pings.missed} missed`,
            ]
          : []),
        ...(line.flags.length > 0 ? [trusted(`flags: ${line.flags.join(', ')}`)] : []),
      ],
    };
  });
  const chains = Object.entries(payroll?.totalsByChain ?? {}).map(([chain, total]) => ({
    chain,
    token,
    total: formatDollars(total ?? 0),
    payable: formatDollars(payroll?.payableByChain[chain as keyof typeof payroll.payableByChain] ?? 0),
  }));
  const safe = Object.entries(config.payroll.tokenAddresses)
    .filter(([chain]) => lines.some((line) => line.chain === chain))
    .map(([chain, address]) => ({
      chain,
      csv: trusted(payroll ? safeAirdropCsv(payroll, chain, address, paid) : ''),
    }));
  const statements = lines
    .filter((line) => line.commissionDetails.length > 0)
    .map((line) => ({
      partner: line.operator,
      qualified: line.partner?.qualified ?? false,
      rules: trusted(line.partner?.rules.join('; ') ?? ''),
      referred: line.commissionDetails.map((c) => ({
        cells: trusted(
          [
            `@${c.referred}`,
            String(c.monthIndex),
            formatDollars(c.baseCents),
            formatDollars(c.bonusCents),
            formatDollars(c.commissionCents),
          ].join(' | '),
        ),
      })),
      total: formatDollars(line.commissionCents),
      held: line.commissionHeldCents > 0,
    }));
  const asks = payrollAsks(instance.state, data.approvals, config);
  return {
    asks,
    next: asks.length > 0 ? trusted(nextLine(asks)) : undefined,
    title: TITLES[instance.state] ?? instance.state,
    commissionMonths: config.partners.months,
    statements,
    month: data.month,
    token,
    loaded: payroll !== undefined,
    rows,
    operatorDetails,
    chains,
    partners: Object.entries(payroll?.commissionsByPartner ?? {}).map(([partner, cents]) => ({
      partner,
      amount: formatDollars(cents),
    })),
    total: formatDollars(payroll?.totalCents ?? 0),
    payable: formatDollars(payroll?.payableCents ?? 0),
    held: formatDollars(payroll?.heldCents ?? 0),
    // Inside a ```csv fence: logins, amounts and validated wallets only (domain/payroll/export.ts).
    csv: trusted(payroll ? payrollCsv(payroll, token) : ''),
    safe,
    approvals: data.approvals.map((a) => ({ by: a.by, at: formatUtc(a.at) })),
    approvalCount: data.approvals.length,
    approvalsRequired: config.payroll.approvalsRequired,
    // Log texts are the bot's, with a person's reason quoted inert when written (payroll/actions.ts).
    log: data.log.map((entry) => ({ line: md`${formatUtc(entry.at)} @${entry.by}: ${trusted(entry.text)}` })),
  };
}

/** What the payroll asks of the maintainers: approvals by distinct maintainers, then the payments. */
function payrollAsks(state: string, approvals: readonly { by: string }[], config: ProgramConfig): Ask[] {
  const approved = new Set(approvals.map((a) => a.by.toLowerCase()));
  const who = maintainerHandles(config).filter((h) => !approved.has(h.toLowerCase()));
  if (state === 'review')
    return [
      {
        key: 'approve',
        who,
        role: 'a maintainer',
        text: `check the amounts and approve with \`/approve\` (${approvals.length} of ${config.payroll.approvalsRequired} distinct maintainers so far).`,
      },
    ];
  if (state === 'approved')
    return [
      {
        key: 'pay',
        who: maintainerHandles(config),
        role: 'a maintainer',
        text: 'pay each due line and record it with `/paid @op TX` (or `/paid all TX`).',
      },
    ];
  return [];
}
