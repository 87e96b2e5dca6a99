import { formatDollars } from '../../domain/payroll/amount.js';
import { readPayrollMonth } from '../../domain/payroll/marker.js';
import { samePerson } from '../../domain/people.js';
import { mentionMaintainers } from '../../domain/text/mentions.js';
import { DAY_MS } from '../../domain/time/day.js';
import { formatUtc } from '../../domain/time/format.js';
import { addMonthsTo, monthStart } from '../../domain/time/month.js';
import type { Effect } from '../../engine/effects.js';
import type { Action } from '../../engine/module.js';
import { adjustActions } from './adjust.js';
import { TABLE_CHANGED_AFTER, TABLE_EDITED } from './approval-answers.js';
import { ledgerOf, refreshed } from './compute.js';
import { payrollData, payrollDataSchema } from './data.js';
import { payrollFacts } from './facts.js';
import { recordPayments } from './pay.js';
import { partnerStatements } from './statements.js';

export const payrollActions: Record<string, Action> = {
  ...adjustActions,
  recordPayments,

  openPayroll: (ctx) => {
    const month = readPayrollMonth(ctx.event.issue.body);
    if (!month) return 'not a payroll issue';
    const result = refreshed(ctx, payrollDataSchema.parse({ month }));
    if (typeof result === 'string') return result;
    const dueAt = new Date(
      monthStart(addMonthsTo(month, 1)).getTime() + ctx.config.payroll.approveWithinDays * DAY_MS,
    ).toISOString();
    return {
      data: { ...result.data, log: [{ by: ctx.event.actor, at: ctx.event.at, text: 'opened' }] },
      startTimers: [{ name: 'approvalDue', dueAt }],
      effects: partnerStatements(ctx.config, result.data.snapshot),
    };
  },

  /**
   * An input changed somewhere (a report, an alert, the registry, a partner report, a payment):
   * the snapshot is computed again. A new digest voids the approvals with one comment saying what
   * changed and the new amounts. Nothing changed: nothing is written.
   */
  recompute: (ctx) => {
    const data = payrollData(ctx.instance);
    const result = refreshed(ctx, data);
    if (typeof result === 'string') return result;
    if (!result.changes) {
      const same = JSON.stringify(result.data.ledger) === JSON.stringify(data.ledger);
      return same ? 'nothing changed' : { data: { ledger: result.data.ledger } };
    }
    const payable = result.data.payableCents;
    const head =
      payable === data.payableCents
        ? 'recomputed'
        : `recomputed: payable ${formatDollars(data.payableCents)} → ${formatDollars(payable)}`;
    const what = result.changes.length > 0 ? result.changes.join('; ') : 'the inputs changed, no amount did';
    const effects: Effect[] = [];
    if (result.voided > 0) {
      effects.push({
        type: 'postNote',
        key: `approvals-void-${result.data.digest.slice(0, 16)}`,
        body: `${mentionMaintainers(ctx.config)}: the inputs of the ${data.month} payroll changed after approval — ${what}. The ${result.voided} approval(s) are void; payable now ${formatDollars(payable)}. Please review the table and \`/approve\` again.`,
      });
    }
    const text = `${head} — ${what}${result.voided > 0 ? '; the approvals were voided' : ''}`;
    return {
      data: { ...result.data, log: [...data.log, { by: ctx.event.actor, at: ctx.event.at, text }] },
      effects,
    };
  },

  /** The ledger has every payable line: the payroll is paid and closed, whatever was asked. */
  settle: (ctx) => {
    const data = payrollData(ctx.instance);
    return {
      data: { ledger: ledgerOf(ctx, data) },
      reply: `every payable line of ${data.month} is paid (see the ledger in the table), so the payroll is closed: a closed month never changes. A payment made by mistake is corrected in a later month's payroll with \`/adjust\`.`,
    };
  },

  approve: (ctx) => {
    const data = payrollData(ctx.instance);
    const by = ctx.event.actor;
    const required = ctx.config.payroll.approvalsRequired;
    if (!data.snapshot) return 'the payroll data could not be loaded; there is nothing to approve yet.';
    const facts = payrollFacts(ctx.facts.extra);
    // A comment written before the table as it stands was on the issue (delivered late, its job
    // retried after a refresh, or written while the refresh waited for a worker) approves a table
    // its author never saw. The table changed at its cause's event and is seen from the write that
    // showed it in Gitea (`tableShownAt`), whichever is later. Gitea's times are whole seconds: one
    // written in that second may be either, so it counts as before, unless its own earlier command
    // made the change (`/unhold @bob` then `/approve`).
    const ownChange =
      data.snapshotByComment !== undefined && data.snapshotByComment === ctx.event.comment?.id;
    const seenFrom = ownChange ? data.snapshotAt : latest(data.snapshotAt, facts.tableShownAt);
    const at = Date.parse(ctx.event.at);
    if (seenFrom && (at < Date.parse(seenFrom) || (at === Date.parse(seenFrom) && !ownChange)))
      return `${TABLE_CHANGED_AFTER} (${formatUtc(ctx.event.at)}); the table as it stands is shown since ${formatUtc(seenFrom)}: review it and \`/approve\` again.`;
    // Anyone with write access may edit the bot's comments: the table its author saw may not be the bot's.
    if (facts.statusEdited)
      return {
        data: {
          log: [
            ...data.log,
            {
              by,
              at: ctx.event.at,
              text: 'approval not recorded: the table had been edited by hand; written again',
            },
          ],
        },
        reply: `${TABLE_EDITED}, so what you reviewed may not be the payroll. The bot wrote it again: review it and \`/approve\` again.`,
      };
    const approver = { login: by, id: ctx.event.actorId };
    if (data.approvals.some((a) => samePerson({ login: a.by, id: a.byId }, approver))) {
      return `you approved already (${data.approvals.length} of ${required}); another maintainer must approve.`;
    }
    const byId = ctx.event.actorId === undefined ? {} : { byId: ctx.event.actorId };
    const approvals = [...data.approvals, { by, ...byId, at: ctx.event.at, digest: data.digest }];
    return {
      data: {
        approvals,
        log: [
          ...data.log,
          {
            by,
            at: ctx.event.at,
            text: `approved ${formatDollars(data.snapshot.payableCents)} payable (${approvals.length} of ${required})`,
          },
        ],
      },
      reply: `approval ${approvals.length} of ${required} recorded, of the table as it stands (payable ${formatDollars(data.snapshot.payableCents)}).`,
    };
  },

  remindApproval: (ctx) => {
    const data = payrollData(ctx.instance);
    return {
      effects: [
        {
          type: 'postNote',
          key: 'approval-reminder',
          body: `${mentionMaintainers(ctx.config)}: the payroll of ${data.month} is not approved yet (${data.approvals.length} of ${ctx.config.payroll.approvalsRequired} approvals) and bonuses are due ${ctx.config.payroll.approveWithinDays} days after the month's end. Please review and \`/approve\`.`,
        },
      ],
    };
  },
};

/** The later of two ISO instants, either possibly unset. */
const latest = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || Date.parse(a) >= Date.parse(b) ? a : b;
