import type { ProgramConfig } from '../../config/program.js';
import { paymentLine } from '../../domain/payments/payment.js';
import { formatDollars } from '../../domain/payroll/amount.js';
import { payrollCsv, safeAirdropCsv } from '../../domain/payroll/export.js';
import { lineKey, type PayrollLine } from '../../domain/payroll/index.js';
import { formatUtc } from '../../domain/time/format.js';
import type { Instance } from '../../engine/instance.js';
import { payrollData } from './data.js';

const TITLES: Record<string, string> = { review: 'In review', approved: 'Approved', paid: 'Paid' };
const bonus = (cents: number) => (cents > 0 ? formatDollars(cents) : '—');

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

/** The payroll comment: every amount with the metric behind it, totals, exports, approvals and the change log. */
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
    return {
      cells: [
        `@${line.operator}`,
        line.status,
        nodesCell(line),
        `${line.activeDays}/${line.daysInMonth}`,
        formatDollars(line.baseCents),
        bonus(line.bonuses.uptime),
        bonus(line.bonuses.completion),
        bonus(line.bonuses.response),
        bonus(line.bonuses.retention),
        bonus(line.commissionCents),
        line.adjustmentCents === 0 ? '—' : formatDollars(line.adjustmentCents),
        `**${formatDollars(line.totalCents)}**`,
        state,
        line.chain,
        `\`${line.wallet}\``,
      ].join(' | '),
    };
  });
  const reasons = lines.map((line) => ({
    // A second stint in the month has its own line: say which.
    operator:
      lineKey(line) === line.operator.toLowerCase()
        ? line.operator
        : `${line.operator} (from ${line.firstActiveDay})`,
    details: [
      baseReason(line),
      ...Object.entries(line.bonusDetails).map(
        ([kind, detail]) =>
          `${kind}: ${detail.metric} → ${detail.earned ? formatDollars(detail.cents) : 'no bonus'}`,
      ),
      ...line.commissionDetails.map(
        (c) =>
          `commission on @${c.referred} (month ${c.monthIndex}): ${config.partners.commissionPercent}% of ${formatDollars(c.baseCents + c.bonusCents)} = ${formatDollars(c.commissionCents)}`,
      ),
      ...line.adjustments.map((a) => `adjustment ${formatDollars(a.cents)} by @${a.by}: ${a.reason}`),
      ...(line.holdReason ? [`held: ${line.holdReason}`] : []),
      ...(line.pings
        ? [
            `pings: ${line.pings.asked} asked, ${line.pings.answered} answered in time, ${line.pings.missed} missed`,
          ]
        : []),
      ...(line.flags.length > 0 ? [`flags: ${line.flags.join(', ')}`] : []),
    ],
  }));
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
      csv: payroll ? safeAirdropCsv(payroll, chain, address, paid) : '',
    }));
  const statements = lines
    .filter((line) => line.commissionDetails.length > 0)
    .map((line) => ({
      partner: line.operator,
      qualified: line.partner?.qualified ?? false,
      rules: line.partner?.rules.join('; ') ?? '',
      referred: line.commissionDetails.map((c) => ({
        cells: [
          `@${c.referred}`,
          String(c.monthIndex),
          formatDollars(c.baseCents),
          formatDollars(c.bonusCents),
          formatDollars(c.commissionCents),
        ].join(' | '),
      })),
      total: formatDollars(line.commissionCents),
      held: line.commissionHeldCents > 0,
    }));
  return {
    title: TITLES[instance.state] ?? instance.state,
    statements,
    month: data.month,
    token,
    loaded: payroll !== undefined,
    rows,
    reasons,
    chains,
    partners: Object.entries(payroll?.commissionsByPartner ?? {}).map(([partner, cents]) => ({
      partner,
      amount: formatDollars(cents),
    })),
    total: formatDollars(payroll?.totalCents ?? 0),
    payable: formatDollars(payroll?.payableCents ?? 0),
    held: formatDollars(payroll?.heldCents ?? 0),
    csv: payroll ? payrollCsv(payroll, token) : '',
    safe,
    approvals: data.approvals.map((a) => ({ by: a.by, at: formatUtc(a.at) })),
    approvalCount: data.approvals.length,
    approvalsRequired: config.payroll.approvalsRequired,
    log: data.log.map((entry) => ({ line: `${formatUtc(entry.at)} @${entry.by}: ${entry.text}` })),
  };
}
