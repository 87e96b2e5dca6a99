import { parseAlertForm } from '../../domain/alerts/form.js';
import type { AlertRecord } from '../../domain/alerts/record.js';
import { classifyAlert, higherSeverity, parseSeverity, type Severity } from '../../domain/alerts/severity.js';
import { addMs, formatDuration, formatUtcSeconds } from '../../domain/time/format.js';
import type { Effect } from '../../engine/effects.js';
import type { Action, DecideContext } from '../../engine/module.js';
import { proposeTermination } from '../exit/open-termination.js';
import { escalationMentions } from './contacts.js';
import { type AlertData, alertData } from './data.js';

const severityLabel = (severity: Severity): Effect => ({
  type: 'setStateLabel',
  scope: 'severity',
  label: `severity/${severity}`,
});

const deadlineFor = (ctx: DecideContext, openedAt: string, severity: Severity) =>
  addMs(openedAt, ctx.config.alerts.ackWithin[severity]);

/** When an unacknowledged alert's termination review is proposed (`alerts.unresponsiveAfter` after opening). */
export const reviewAt = (ctx: Pick<DecideContext, 'config'>, data: AlertData) =>
  addMs(data.openedAt, ctx.config.alerts.unresponsiveAfter);

function record(ctx: DecideContext, data: AlertData): Effect {
  const alert: AlertRecord = {
    issue: `${ctx.event.repo}#${ctx.event.issue.number}`,
    login: data.responsible ?? '',
    severity: data.severity,
    peakSeverity: higherSeverity(data.peakSeverity ?? data.severity, data.severity),
    openedAt: data.openedAt,
    ...(data.acknowledgedAt ? { acknowledgedAt: data.acknowledgedAt } : {}),
    ...(data.acknowledgedBy ? { acknowledgedBy: data.acknowledgedBy } : {}),
    ...(data.responseMs !== undefined ? { responseMs: data.responseMs } : {}),
  };
  return { type: 'recordAlert', alert };
}

/** The assignee, else the operator named in the form, else the author when the author is an operator. */
function responsibleOf(ctx: DecideContext, formOperator: string | undefined): string | undefined {
  const { event, facts } = ctx;
  return (
    event.issue.assignees[0] ??
    formOperator ??
    (facts.author?.status === 'active' ? event.issue.author : undefined)
  );
}

function opening(ctx: DecideContext, openedAt: string) {
  const form = parseAlertForm(ctx.event.issue.body);
  const { severity, because } = classifyAlert({
    ...(form.severity ? { formSeverity: form.severity } : {}),
    labels: ctx.event.issue.labels,
    text: `${ctx.event.issue.title}\n${form.problem ?? ''}\n${form.details ?? ctx.event.issue.body}`,
  });
  const data: AlertData = {
    severity,
    peakSeverity: severity,
    because,
    openedAt,
    ackDeadline: deadlineFor(ctx, openedAt, severity),
    level: 0,
    terminationProposed: false,
    ...(responsibleOf(ctx, form.operator) ? { responsible: responsibleOf(ctx, form.operator) } : {}),
    ...(form.node ? { node: form.node } : {}),
    ...(form.problem ? { problem: form.problem } : {}),
  };
  return {
    data: {
      ...data,
      acknowledgedAt: undefined,
      acknowledgedBy: undefined,
      responseMs: undefined,
      resolvedAt: undefined,
    },
    startTimers: [{ name: 'ackDeadline', dueAt: data.ackDeadline }],
    effects: [severityLabel(severity), record(ctx, data)],
  };
}

export const alertActions: Record<string, Action> = {
  openAlert: (ctx) => opening(ctx, ctx.event.issue.createdAt),
  reopenAlert: (ctx) => opening(ctx, ctx.event.at),

  /**
   * One step of an unacknowledged alert: levels 1..`alerts.escalationLevels` each post a 🚨
   * comment and a chat message, `escalateEvery` apart; after the last level, one reminder every
   * `alerts.remindEvery` that says when the termination review comes (`unresponsiveAfter`).
   */
  escalate: (ctx) => {
    const data = alertData(ctx.instance);
    const level = data.level + 1;
    const { config, event } = ctx;
    const { escalationLevels, escalateEvery, remindEvery } = config.alerts;
    const contacts = escalationMentions(config);
    const who = data.responsible ? `@${data.responsible}` : 'nobody (no responsible operator is assigned)';
    const overdue = formatDuration(Date.parse(event.at) - Date.parse(data.ackDeadline));
    const text =
      `${data.severity} alert not acknowledged: ${who} had until ${formatUtcSeconds(data.ackDeadline)}` +
      (level > 1 ? ` (${overdue} ago)` : '');
    const nextAt = addMs(event.at, level < escalationLevels ? escalateEvery : remindEvery);
    const review = reviewAt(ctx, data);
    // Enough: once the termination review is proposed, the maintainers decide; no more reminders.
    if (level > escalationLevels && data.terminationProposed)
      return { data: { nextEscalationAt: undefined } };
    if (level > escalationLevels) {
      return {
        data: { level, nextEscalationAt: nextAt },
        startTimers: [{ name: 'escalation', dueAt: nextAt }],
        effects: [
          {
            type: 'postNote',
            key: `reminder-${level}`,
            body:
              `⏰ Reminder: ${text}. ${contacts} — unless acknowledged with \`/ack\`, a termination ` +
              `review is proposed at ${formatUtcSeconds(review)}. Next reminder ${formatUtcSeconds(nextAt)}.`,
          },
        ],
      };
    }
    const then =
      level < escalationLevels
        ? `Level ${level + 1} of ${escalationLevels} at ${formatUtcSeconds(nextAt)}.`
        : `This is the last level; then one reminder every ${formatDuration(remindEvery)}, and a termination review is proposed at ${formatUtcSeconds(review)}.`;
    return {
      data: { level, nextEscalationAt: nextAt },
      startTimers: [{ name: 'escalation', dueAt: nextAt }],
      effects: [
        {
          type: 'postNote',
          key: `escalation-${level}`,
          body: `🚨 **Escalation level ${level} of ${escalationLevels}**: ${text}. ${contacts} — please step in. Acknowledge with \`/ack\`. ${then}`,
        },
        {
          type: 'notify',
          key: `escalation-${level}`,
          notification: {
            title: `Escalation level ${level}: ${event.issue.title}`,
            text: `${text}.`,
            ...(event.issue.url ? { url: event.issue.url } : {}),
            severity: data.severity,
            level,
          },
        },
      ],
    };
  },

  proposeTermination: (ctx) => {
    const data = alertData(ctx.instance);
    if (data.terminationProposed || !data.responsible) return { data: { terminationProposed: true } };
    const hours = formatDuration(ctx.config.alerts.unresponsiveAfter);
    const issue = `${ctx.event.repo}#${ctx.event.issue.number}`;
    return {
      data: { terminationProposed: true },
      effects: [
        proposeTermination({
          login: data.responsible,
          reason: `unresponsive: alert ${issue} not acknowledged for ${hours} (trigger: unresponsive for ${hours} without prior notice)`,
          by: 'operator-bot',
          mode: 'proposed',
          at: ctx.event.at,
          key: `termination-proposal-${issue}-${data.openedAt}`,
        }),
        {
          type: 'postNote',
          key: 'unresponsive',
          body: `@${data.responsible} has not acknowledged this alert for ${hours}: a termination review was proposed to the maintainers.`,
        },
      ],
    };
  },

  acknowledge: (ctx) => {
    const data = alertData(ctx.instance);
    const responseMs = Date.parse(ctx.event.at) - Date.parse(data.openedAt);
    const acknowledged = {
      ...data,
      acknowledgedAt: ctx.event.at,
      acknowledgedBy: ctx.event.actor,
      responseMs,
    };
    return {
      data: acknowledged,
      reply: `acknowledged by @${ctx.event.actor} — response time ${formatDuration(responseMs)}.`,
      effects: [record(ctx, acknowledged)],
    };
  },

  resolve: ({ command, event }) => ({
    data: { resolvedAt: event.at, resolvedBy: event.actor, resolution: command?.args.join(' ') || undefined },
  }),

  closedByHand: ({ event }) => ({ data: { resolvedAt: event.at, resolvedBy: event.actor } }),

  changeSeverity: (ctx) => {
    const severity = parseSeverity(ctx.command?.args[0] ?? '');
    if (!severity) return 'write `/severity critical` or `/severity warning`.';
    const data = alertData(ctx.instance);
    if (severity === data.severity) return `the alert is already ${severity}.`;
    const changed = {
      ...data,
      severity,
      peakSeverity: higherSeverity(data.peakSeverity ?? data.severity, severity),
      because: `changed by @${ctx.event.actor}`,
      ackDeadline: deadlineFor(ctx, data.openedAt, severity),
    };
    const restart =
      ctx.instance.state === 'open' ? [{ name: 'ackDeadline', dueAt: changed.ackDeadline }] : [];
    return {
      data: changed,
      startTimers: restart,
      reply: `severity is now ${severity}${restart.length > 0 ? `; acknowledge by ${formatUtcSeconds(changed.ackDeadline)}` : ''}.`,
      effects: [severityLabel(severity), record(ctx, changed)],
    };
  },

  updateResponsible: (ctx) => {
    const data = alertData(ctx.instance);
    const responsible = ctx.event.issue.assignees[0] ?? data.responsible;
    if (responsible === data.responsible) return 'the responsible operator did not change';
    const changed = { ...data, ...(responsible ? { responsible } : {}) };
    return { data: changed, effects: [record(ctx, changed)] };
  },
};
