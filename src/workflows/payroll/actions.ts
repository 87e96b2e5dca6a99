import type { Chain } from '../../domain/application/chains.js';
import { mentionArg } from '../../domain/commands/mentions.js';
import { isTxHash, txFormat } from '../../domain/payments/tx-hash.js';
import { formatDollars, parseAmountCents } from '../../domain/payroll/amount.js';
import { lineKey, type Payroll } from '../../domain/payroll/index.js';
import { readPayrollMonth } from '../../domain/payroll/marker.js';
import { inert, unknownLogin } from '../../domain/text/inert.js';
import type { Effect } from '../../engine/effects.js';
import type { Action, ActionResult, DecideContext } from '../../engine/module.js';
import { currentPayroll, snapshotOf, unpaidLines } from './compute.js';
import { type PayrollData, payrollData, payrollDataSchema } from './data.js';

const firstOfNextMonth = (month: string) => {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString();
};

/** A change to the lines: recomputed, logged, and any approvals voided (the numbers they approved are gone). */
function change(ctx: DecideContext, data: PayrollData, text: string): ActionResult | string {
  const payroll = currentPayroll(ctx, data);
  if (!payroll) return 'the payroll data could not be loaded';
  const voided = data.approvals.length > 0;
  const entry = {
    by: ctx.event.actor,
    at: ctx.event.at,
    text: voided ? `${text}; the approvals were voided` : text,
  };
  return {
    data: {
      ...data,
      approvals: [],
      log: [...data.log, entry],
      payableCents: payroll.payableCents,
      ...snapshotOf(ctx, payroll),
    },
    reply: voided
      ? `${text}. The ${data.approvals.length} earlier approval(s) are void: the numbers changed — please review and /approve again.`
      : `${text}.`,
  };
}

/** The operator's last line of the month (a second stint's line when it came back in the month). */
function lineOf(ctx: DecideContext, login: string | undefined) {
  if (!login) return undefined;
  return currentPayroll(ctx)
    ?.lines.filter((line) => line.operator.toLowerCase() === login.toLowerCase())
    .at(-1);
}

/**
 * Each partner with a commission this month is told once, in the payroll issue, what it is made
 * of and that it is held until the monthly partner report is filed (PROGRAM.md, "Partner program").
 */
function partnerStatements(ctx: DecideContext, payroll: Payroll): Effect[] {
  const percent = ctx.config.partners.commissionPercent;
  return payroll.lines
    .filter((line) => line.commissionCents > 0)
    .map((line) => {
      const referred = line.commissionDetails
        .map(
          (c) =>
            `@${c.referred} (month ${c.monthIndex} of ${ctx.config.partners.months}): ${percent}% of ${formatDollars(c.baseCents + c.bonusCents)} = ${formatDollars(c.commissionCents)}`,
        )
        .join('; ');
      const held =
        line.commissionHeldCents > 0
          ? ` It is held until you file the monthly partner report (mentorship log confirmed) with \`/partner-report ${payroll.month}\`.`
          : '';
      return {
        type: 'postNote' as const,
        key: `partner-statement-${line.operator.toLowerCase()}`,
        body: `@${line.operator}, your partner statement for ${payroll.month}: ${referred} — total ${formatDollars(line.commissionCents)}.${held}`,
      };
    });
}

export const payrollActions: Record<string, Action> = {
  openPayroll: (ctx) => {
    const month = readPayrollMonth(ctx.event.issue.body);
    if (!month) return 'not a payroll issue';
    const data = payrollDataSchema.parse({ month });
    const payroll = currentPayroll(ctx, data);
    if (!payroll) return 'the payroll data could not be loaded';
    const dueAt = new Date(
      Date.parse(firstOfNextMonth(month)) + ctx.config.payroll.approveWithinDays * 86_400_000,
    ).toISOString();
    return {
      data: {
        ...data,
        payableCents: payroll.payableCents,
        ...snapshotOf(ctx, payroll),
        log: [{ by: ctx.event.actor, at: ctx.event.at, text: 'opened' }],
      },
      startTimers: [{ name: 'approvalDue', dueAt }],
      effects: partnerStatements(ctx, payroll),
    };
  },

  recompute: (ctx) => {
    const data = payrollData(ctx.instance);
    const payroll = currentPayroll(ctx, data);
    if (!payroll) return 'the payroll data could not be loaded';
    if (payroll.payableCents === data.payableCents) return { data: snapshotOf(ctx, payroll) };
    return change(
      ctx,
      data,
      `recomputed: payable ${formatDollars(data.payableCents)} → ${formatDollars(payroll.payableCents)}`,
    );
  },

  adjust: (ctx) => {
    const login = mentionArg(ctx.command?.args[0]);
    const cents = parseAmountCents(ctx.command?.args[1]);
    const reason = ctx.command?.args.slice(2).join(' ').trim();
    if (!login || cents === undefined || !reason) return 'write `/adjust @operator +25 REASON` (or -10.50).';
    const line = lineOf(ctx, login);
    if (!line) return `${unknownLogin(login)} has no line this month.`;
    const data = payrollData(ctx.instance);
    const adjustment = { login: line.operator, cents, reason, by: ctx.event.actor };
    return change(
      ctx,
      { ...data, adjustments: [...data.adjustments, adjustment] },
      `@${ctx.event.actor} adjusted @${line.operator} by ${formatDollars(cents)}: ${inert(reason).text}`,
    );
  },

  hold: (ctx) => {
    const login = mentionArg(ctx.command?.args[0]);
    const reason = ctx.command?.args.slice(1).join(' ').trim();
    if (!login || !reason) return 'write `/hold @operator REASON`.';
    const line = lineOf(ctx, login);
    if (!line) return `${unknownLogin(login)} has no line this month.`;
    if (line.held) return `@${line.operator}'s line is held already.`;
    const data = payrollData(ctx.instance);
    const hold = { login: line.operator, reason, by: ctx.event.actor };
    return change(
      ctx,
      { ...data, holds: [...data.holds, hold] },
      `@${ctx.event.actor} held @${line.operator}: ${inert(reason).text}`,
    );
  },

  unhold: (ctx) => {
    const login = mentionArg(ctx.command?.args[0]);
    if (!login) return 'write `/unhold @operator`.';
    const data = payrollData(ctx.instance);
    const holds = data.holds.filter((h) => h.login.toLowerCase() !== login.toLowerCase());
    if (holds.length === data.holds.length) return `${unknownLogin(login)}: the line is not held.`;
    return change(ctx, { ...data, holds }, `@${ctx.event.actor} released @${login}'s line`);
  },

  approve: (ctx) => {
    const data = payrollData(ctx.instance);
    const by = ctx.event.actor;
    const required = ctx.config.payroll.approvalsRequired;
    if (data.approvals.some((a) => a.by.toLowerCase() === by.toLowerCase())) {
      return `you approved already (${data.approvals.length} of ${required}); another maintainer must approve.`;
    }
    const approvals = [...data.approvals, { by, at: ctx.event.at }];
    return {
      data: {
        approvals,
        log: [...data.log, { by, at: ctx.event.at, text: `approved (${approvals.length} of ${required})` }],
      },
      reply: `approval ${approvals.length} of ${required} recorded.`,
    };
  },

  recordPayments: (ctx) => {
    const [who, tx = ''] = ctx.command?.args ?? [];
    const payroll = currentPayroll(ctx);
    if (!payroll || !who) return 'write `/paid @operator TX` or `/paid all TX`.';
    const unpaid = unpaidLines(ctx, payroll);
    const login = mentionArg(who);
    const targets =
      who.toLowerCase() === 'all'
        ? unpaid.filter((line) => isTxHash(tx, line.chain as Chain))
        : unpaid.filter((line) => line.operator.toLowerCase() === login?.toLowerCase());
    if (who.toLowerCase() !== 'all') {
      const lines = payroll.lines.filter((l) => l.operator.toLowerCase() === login?.toLowerCase());
      const line = targets[0] ?? lines.at(-1);
      if (!line) return `${unknownLogin(login ?? who)} has no line this month.`;
      if (targets.length === 0 && line.held) return `@${line.operator}'s line is held; /unhold it first.`;
      if (targets.length === 0) return `@${line.operator} is paid already — a payment is recorded once.`;
      if (!isTxHash(tx, line.chain as Chain))
        return `give the transaction id on ${line.chain} (${txFormat(line.chain as Chain)}).`;
    } else if (targets.length === 0) {
      return unpaid.length === 0
        ? 'every payable line is paid already.'
        : `${inert(tx).text} is not a transaction id on the chains of the unpaid lines.`;
    }
    const data = payrollData(ctx.instance);
    const at = ctx.event.at;
    const by = ctx.event.actor;
    const payments = { ...data.payments };
    const effects: Effect[] = [];
    for (const line of targets) {
      const key = lineKey(line);
      payments[key] = { by, at, tx, cents: line.payableCents };
      const payment = {
        login: line.operator,
        month: data.month,
        cents: line.payableCents,
        tx,
        by,
        at,
        issue: `${ctx.event.repo}#${ctx.event.issue.number}`,
        ...(key === line.operator.toLowerCase() ? {} : { line: key }),
      };
      effects.push({ type: 'recordPayment', payment });
    }
    const names = targets.map((line) => `@${line.operator}`).join(', ');
    return {
      data: { payments, log: [...data.log, { by, at, text: `recorded payment ${tx} to ${names}` }] },
      reply: `payment ${tx} recorded for ${names}.`,
      effects,
    };
  },

  remindApproval: (ctx) => {
    const data = payrollData(ctx.instance);
    const maintainers = ctx.config.maintainers.users.map((login) => `@${login}`).join(' ') || 'Maintainers';
    return {
      effects: [
        {
          type: 'postNote',
          key: 'approval-reminder',
          body: `${maintainers}: the payroll of ${data.month} is not approved yet (${data.approvals.length} of ${ctx.config.payroll.approvalsRequired} approvals) and bonuses are due ${ctx.config.payroll.approveWithinDays} days after the month's end. Please review and \`/approve\`.`,
        },
      ],
    };
  },
};
