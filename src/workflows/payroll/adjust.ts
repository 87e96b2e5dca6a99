import { mentionArg } from '../../domain/commands/mentions.js';
import { alreadyPaid } from '../../domain/payments/ledger.js';
import { formatDollars, parseAmountCents } from '../../domain/payroll/amount.js';
import { lineKey, type PayrollLine } from '../../domain/payroll/index.js';
import { samePerson } from '../../domain/people.js';
import { inert, unknownLogin } from '../../domain/text/inert.js';
import type { Action, ActionResult, DecideContext } from '../../engine/module.js';
import { setsValue } from '../written-last.js';
import { currentPayroll, ledgerOf, refreshed } from './compute.js';
import { type PayrollData, payrollData } from './data.js';
import { staleName } from './renamed.js';

/**
 * A maintainer's change to the inputs (/adjust, /hold, /unhold): the snapshot is computed again
 * and, when its digest changed, the approvals are void. The reply is the one comment: what
 * changed, the new amounts, and whether approvals were voided.
 */
export function change(ctx: DecideContext, data: PayrollData, text: string): ActionResult | string {
  const result = refreshed(ctx, data);
  if (typeof result === 'string') return result;
  const { voided } = result;
  const amounts =
    result.changes && result.changes.length > 0
      ? ` New amounts: ${result.changes.join('; ')}; payable now ${formatDollars(result.data.payableCents)}.`
      : '';
  const entry = {
    by: ctx.event.actor,
    at: ctx.event.at,
    text: voided > 0 ? `${text}; the approvals were voided` : text,
  };
  return {
    data: { ...result.data, log: [...data.log, entry] },
    reply:
      voided > 0
        ? `${text}.${amounts} The ${voided} earlier approval(s) are void: the numbers changed — please review and /approve again.`
        : `${text}.${amounts}`,
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
 * Why the line cannot change: it is paid already (the ledger records a line once, so a change
 * would never be paid and the table would show a total nobody paid). Undefined: it can change.
 */
function paidRefusal(ctx: DecideContext, line: PayrollLine): string | undefined {
  const data = payrollData(ctx.instance);
  const paid = alreadyPaid(ledgerOf(ctx, data), lineKey(line), data.month);
  return paid && `${paid} A paid line never changes: correct it in a later month's payroll with \`/adjust\`.`;
}

/** Why an adjustment needs a second maintainer (a ceiling of `payroll.adjustments`), or undefined. */
function aboveCeiling(
  ctx: DecideContext,
  data: PayrollData,
  login: string,
  cents: number,
): string | undefined {
  const { singleMaxCents, lineMaxCents } = ctx.config.payroll.adjustments;
  if (Math.abs(cents) > singleMaxCents)
    return `above the ceiling of ${formatDollars(singleMaxCents)} per adjustment (payroll.adjustments.singleMaxCents)`;
  const sum =
    data.adjustments
      .filter((a) => a.login.toLowerCase() === login.toLowerCase())
      .reduce((s, a) => s + a.cents, 0) + cents;
  if (Math.abs(sum) > lineMaxCents)
    return `it takes @${login}'s adjustments to ${formatDollars(sum)}, above the ceiling of ${formatDollars(lineMaxCents)} per line (payroll.adjustments.lineMaxCents)`;
  return undefined;
}

/** `/adjust confirm N`: a second, distinct maintainer applies a pending adjustment. */
function confirm(ctx: DecideContext, arg: string | undefined): ActionResult | string {
  const data = payrollData(ctx.instance);
  const pending = data.pendingAdjustments.find((p) => String(p.id) === arg);
  if (!pending) {
    const open = data.pendingAdjustments.map((p) => `\`/adjust confirm ${p.id}\``).join(', ');
    return `there is no pending adjustment ${arg ?? ''}${open ? `; pending: ${open}` : ' (none is pending)'}.`;
  }
  if (samePerson({ login: pending.by, id: pending.byId }, { login: ctx.event.actor, id: ctx.event.actorId }))
    return `you asked for adjustment ${pending.id}; a second, distinct maintainer must confirm it.`;
  const line = lineOf(ctx, pending.login);
  const paid = line && paidRefusal(ctx, line);
  if (paid) return paid;
  const { id: _id, at: _at, byId: _byId, ...adjustment } = pending;
  return change(
    ctx,
    {
      ...data,
      adjustments: [...data.adjustments, adjustment],
      pendingAdjustments: data.pendingAdjustments.filter((p) => p.id !== pending.id),
    },
    `@${ctx.event.actor} confirmed adjustment ${pending.id}: @${pending.by} adjusted @${pending.login} by ${formatDollars(pending.cents)}: ${inert(pending.reason).text}`,
  );
}

/** A line's hold, as the value `/hold @op` and `/unhold @op` set (src/workflows/written-last.ts). */
const lineHold = {
  key: (ctx: DecideContext) => {
    const login = mentionArg(ctx.command?.args[0]);
    return login ? `hold:${login.toLowerCase()}` : undefined;
  },
  command: (ctx: DecideContext) => `/${ctx.command?.name} @${mentionArg(ctx.command?.args[0])}`,
};

export const adjustActions: Record<string, Action> = {
  adjust: (ctx) => {
    const args = ctx.command?.args ?? [];
    if (args[0]?.toLowerCase() === 'confirm') return confirm(ctx, args[1]);
    const login = mentionArg(args[0]);
    const cents = parseAmountCents(args[1]);
    const reason = args.slice(2).join(' ').trim();
    if (!login || !args[1] || !reason) return 'write `/adjust @operator +25 REASON` (or -10.50).';
    if (cents === undefined)
      return `the amount ${inert(args[1] ?? '').text} is not one: write dollars, not zero, up to 9999999.99, with at most two decimals after a dot (e.g. \`+25\`, \`-10.50\`, \`+$5\`).`;
    const line = lineOf(ctx, login);
    if (!line) return `${unknownLogin(login)} has no line this month.`;
    const stale = staleName(ctx, login);
    if (stale) return stale;
    const paid = paidRefusal(ctx, line);
    if (paid) return paid;
    const data = payrollData(ctx.instance);
    const adjustment = { login: line.operator, cents, reason, by: ctx.event.actor };
    const over = aboveCeiling(ctx, data, line.operator, cents);
    if (over) {
      const id = Math.max(0, ...data.pendingAdjustments.map((p) => p.id), data.log.length) + 1;
      const text = `@${ctx.event.actor} asked to adjust @${line.operator} by ${formatDollars(cents)}: ${inert(reason).text} — ${over}; pending as ${id}`;
      return {
        data: {
          pendingAdjustments: [
            ...data.pendingAdjustments,
            {
              ...adjustment,
              id,
              at: ctx.event.at,
              ...(ctx.event.actorId === undefined ? {} : { byId: ctx.event.actorId }),
            },
          ],
          log: [...data.log, { by: ctx.event.actor, at: ctx.event.at, text }],
        },
        reply: `${formatDollars(cents)} on @${line.operator} is ${over}, so it needs a second maintainer: another maintainer confirms it with \`/adjust confirm ${id}\`. Nothing changed yet.`,
      };
    }
    return change(
      ctx,
      { ...data, adjustments: [...data.adjustments, adjustment] },
      `@${ctx.event.actor} adjusted @${line.operator} by ${formatDollars(cents)}: ${inert(reason).text}`,
    );
  },

  hold: setsValue(lineHold, (ctx) => {
    const login = mentionArg(ctx.command?.args[0]);
    const reason = ctx.command?.args.slice(1).join(' ').trim();
    if (!login || !reason) return 'write `/hold @operator REASON`.';
    const line = lineOf(ctx, login);
    if (!line) return `${unknownLogin(login)} has no line this month.`;
    const stale = staleName(ctx, login);
    if (stale) return stale;
    if (line.held) return { reply: `@${line.operator}'s line is held already.` };
    const paid = paidRefusal(ctx, line);
    if (paid) return paid;
    const data = payrollData(ctx.instance);
    const hold = { login: line.operator, reason, by: ctx.event.actor };
    return change(
      ctx,
      { ...data, holds: [...data.holds, hold] },
      `@${ctx.event.actor} held @${line.operator}: ${inert(reason).text}`,
    );
  }),

  unhold: setsValue(lineHold, (ctx) => {
    const login = mentionArg(ctx.command?.args[0]);
    if (!login) return 'write `/unhold @operator`.';
    const data = payrollData(ctx.instance);
    const holds = data.holds.filter((h) => h.login.toLowerCase() !== login.toLowerCase());
    if (holds.length === data.holds.length) {
      if (!lineOf(ctx, login)) return `${unknownLogin(login)}: the line is not held.`;
      return { reply: `${unknownLogin(login)}: the line is not held.` };
    }
    return change(ctx, { ...data, holds }, `@${ctx.event.actor} released @${login}'s line`);
  }),
};
