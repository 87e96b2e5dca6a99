import type { HistoryEvent } from '../../domain/history/events.js';
import { alreadyPaid } from '../../domain/payments/ledger.js';
import { mentionMaintainers } from '../../domain/text/mentions.js';
import { formatUtc } from '../../domain/time/format.js';
import { addMs } from '../../domain/time/instant.js';
import { addMonthsToDay } from '../../domain/time/month.js';
import type { Effect } from '../../engine/effects.js';
import type { Action, ActionResult, DecideContext } from '../../engine/module.js';
import { type ChecklistItem, NOTICE_CHECKLIST, parseItem, TERMINATION_CHECKLIST } from './checklist.js';
import { type ExitData, exitData } from './data.js';
import { exitFacts } from './facts.js';
import { checklistComplete } from './guards.js';
import { finalPayment } from './payment.js';
import { recordPayment } from './record-payment.js';
import { trustedTermination } from './termination.js';

/** The configured maintainers, users and teams (src/domain/text/mentions.ts). */

function missingItems(data: ExitData): string[] {
  return Object.entries(NOTICE_CHECKLIST)
    .filter(([item, rule]) => {
      const state = data.checklist[item];
      return (rule.byOperator && !state?.done) || (rule.byMaintainer && !state?.confirmed);
    })
    .map(([item, rule]) => `\`${item}\` (${rule.text})`);
}

function lastDayReminder(ctx: DecideContext, data: ExitData): Effect[] {
  if (checklistComplete(data)) return [];
  return [
    {
      type: 'postNote',
      key: 'last-day',
      body:
        `@${data.operator}, ${mentionMaintainers(ctx.config)}: the notice period has ended but the transition checklist is ` +
        `not complete, so the final payment cannot start. Still open: ${missingItems(data).join(', ')}. ` +
        'The operator ticks items with `/done ITEM`; maintainers verify with `/confirm ITEM`.',
    },
  ];
}

/** A termination takes effect: registry updated, final payment (no bonuses) computed, reapply date set. */
function terminate(ctx: DecideContext, login: string, reason: string, by: string): ActionResult | string {
  const subject = exitFacts(ctx.facts.extra).subject;
  if (!subject) return `@${login} is not in the operator registry`;
  const at = ctx.event.at;
  const end: HistoryEvent = {
    id: `ended:${ctx.event.repo}#${ctx.event.issue.number}`,
    type: 'ended',
    kind: 'terminated',
    at,
    lastDay: at,
    reason,
    by,
  };
  const payment = finalPayment(ctx, subject.login, end, at);
  if (typeof payment === 'string') return payment;
  return {
    data: {
      kind: 'termination',
      operator: subject.login,
      openedAt: at,
      reason,
      proposedBy: by,
      reapplyFrom: addMonthsToDay(at.slice(0, 10), ctx.config.onboarding.reapplyAfter),
      payment,
    },
    startTimers: [{ name: 'paymentDue', dueAt: payment?.dueBy ?? at }],
    effects: [{ type: 'recordOperatorEvent', login: subject.login, event: end }],
  };
}

export const exitActions: Record<string, Action> = {
  recordTermination: (ctx) => {
    const termination = trustedTermination(ctx.event, ctx.facts);
    if (!termination) return 'no termination';
    return terminate(ctx, termination.login, termination.reason, termination.by);
  },

  recordProposal: (ctx) => {
    const termination = trustedTermination(ctx.event, ctx.facts);
    if (!termination || !exitFacts(ctx.facts.extra).subject) return 'no proposal about a registered operator';
    return {
      data: {
        kind: 'termination',
        operator: termination.login,
        openedAt: ctx.event.at,
        reason: termination.reason,
        proposedBy: termination.by,
      },
    };
  },

  confirmTermination: (ctx) => {
    const data = exitData(ctx.instance);
    return terminate(ctx, data.operator, data.reason ?? 'confirmed by a maintainer', ctx.event.actor);
  },

  startNotice: ({ event, config, facts }) => {
    if (!facts.author) return 'only an active operator can give notice';
    const lastDay = addMs(event.issue.createdAt, config.exit.noticePeriod);
    return {
      data: { kind: 'notice', operator: event.issue.author, openedAt: event.issue.createdAt, lastDay },
      startTimers: [{ name: 'lastDay', dueAt: lastDay }],
      effects: [
        {
          type: 'recordOperatorEvent',
          login: facts.author.login,
          event: {
            id: `notice:${event.repo}#${event.issue.number}`,
            type: 'notice',
            at: event.issue.createdAt,
          },
        },
      ],
    };
  },

  refuseNotice: ({ event, facts }) => {
    const refusal = facts.author
      ? `@${event.issue.author} is ${facts.author.status}, not an active operator, so there is no notice to give.`
      : `@${event.issue.author} is not in the operator registry. An exit notice is for active operators; applicants can close their application issue instead.`;
    return { data: { kind: 'refused', operator: event.issue.author, openedAt: event.at, refusal } };
  },

  markItemDone: ({ command, event, instance }) => {
    const item = parseItem(command?.args[0]);
    if (!item) return 'name the item: `/done access`, `/done tasks`, `/done credentials` or `/done report`.';
    const data = exitData(instance);
    const state = { ...data.checklist[item], done: { by: event.actor, at: event.at } };
    const verify = NOTICE_CHECKLIST[item].byMaintainer
      ? ` A maintainer verifies it with \`/confirm ${item}\`.`
      : '';
    return {
      data: { checklist: { ...data.checklist, [item]: state } },
      reply: `${NOTICE_CHECKLIST[item].text}: done.${verify}`,
    };
  },

  confirmItem: ({ command, event, instance }) => {
    const item = parseItem(command?.args[0]);
    const data = exitData(instance);
    const rules = data.kind === 'termination' ? TERMINATION_CHECKLIST : NOTICE_CHECKLIST;
    const confirmable = Object.entries(rules)
      .filter(([, rule]) => rule?.byMaintainer)
      .map(([name]) => name as ChecklistItem);
    if (!item || !confirmable.includes(item))
      return `name an item to verify: ${confirmable.map((i) => `\`/confirm ${i}\``).join(', ')}.`;
    const state = { ...data.checklist[item], confirmed: { by: event.actor, at: event.at } };
    return {
      data: { checklist: { ...data.checklist, [item]: state } },
      reply: `${rules[item]?.text}: verified.`,
    };
  },

  releaseEarly: (ctx) => {
    const data = {
      ...exitData(ctx.instance),
      lastDay: ctx.event.at,
      lastDayReached: true,
      releasedBy: ctx.event.actor,
    };
    return {
      data,
      reply: `the notice ends today (${formatUtc(ctx.event.at)}).`,
      effects: lastDayReminder(ctx, data),
    };
  },

  reachLastDay: (ctx) => {
    const data = { ...exitData(ctx.instance), lastDayReached: true };
    return { data, effects: lastDayReminder(ctx, data) };
  },

  startPayout: (ctx) => {
    const data = exitData(ctx.instance);
    const subject = exitFacts(ctx.facts.extra).subject;
    if (!subject || !data.lastDay) return 'the operator is not in the registry';
    const end: HistoryEvent = {
      id: `ended:${ctx.event.repo}#${ctx.event.issue.number}`,
      type: 'ended',
      kind: 'exited',
      at: ctx.event.at,
      lastDay: data.lastDay,
      reason: 'exit notice',
    };
    const payment = finalPayment(ctx, subject.login, end, data.lastDay);
    if (typeof payment === 'string' || !payment) return payment ?? 'no payment';
    return {
      data: { payment },
      startTimers: [{ name: 'paymentDue', dueAt: payment.dueBy }],
      effects: [{ type: 'recordOperatorEvent', login: subject.login, event: end }],
    };
  },

  remindPayment: (ctx) => {
    const data = exitData(ctx.instance);
    if (data.paid || !data.payment) return 'nothing due';
    const paid = alreadyPaid(
      exitFacts(ctx.facts.extra).ledger,
      data.payment.line ?? data.operator,
      data.payment.month,
    );
    if (paid) return paid;
    return {
      effects: [
        {
          type: 'postNote',
          key: 'payment-overdue',
          body: `${mentionMaintainers(ctx.config)}: the final payment to @${data.operator} was due by ${formatUtc(data.payment.dueBy)} and is not recorded yet. Record it with \`/paid TX\`.`,
        },
      ],
    };
  },

  recordPayment,
};
