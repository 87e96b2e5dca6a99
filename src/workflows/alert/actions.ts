import { parseAlertForm } from '../../domain/alerts/form.js';
import type { AlertRecord } from '../../domain/alerts/record.js';
import { classifyAlert, higherSeverity, parseSeverity, type Severity } from '../../domain/alerts/severity.js';
import { formatDuration } from '../../domain/time/duration.js';
import { formatUtcSeconds } from '../../domain/time/format.js';
import type { Effect } from '../../engine/effects.js';
import type { Action, DecideContext } from '../../engine/module.js';
import { setsValue } from '../written-last.js';
import { type AlertData, alertData } from './data.js';
import { ackDeadline, escalate, proposeUnresponsiveTermination } from './escalation.js';

const severityLabel = (severity: Severity): Effect => ({
  type: 'setStateLabel',
  scope: 'severity',
  label: `severity/${severity}`,
});

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

/**
 * An alert's episode from `openedAt`: its severity classified from the form, the labels and the
 * text, or, on a reopening, the one it had (`kept`: a maintainer's `/severity` holds; the labels
 * the bot set are not what a rebuild sees, src/rebuild/history.ts), with a new deadline.
 */
function opening(ctx: DecideContext, openedAt: string, kept?: { severity: Severity; because: string }) {
  const form = parseAlertForm(ctx.event.issue.body);
  const { severity, because } =
    kept ??
    classifyAlert({
      ...(form.severity ? { formSeverity: form.severity } : {}),
      labels: ctx.event.issue.labels,
      text: `${ctx.event.issue.title}\n${form.problem ?? ''}\n${form.details ?? ctx.event.issue.body}`,
    });
  const data: AlertData = {
    severity,
    peakSeverity: severity,
    because,
    openedAt,
    ackDeadline: ackDeadline(ctx.config, openedAt, severity),
    level: 0,
    terminationProposed: false,
    setters: kept ? alertData(ctx.instance).setters : {},
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

/** The alert's severity, as `/severity` sets it (src/workflows/written-last.ts). */
const alertSeverity = {
  key: () => 'severity',
  command: (ctx: DecideContext) => `/severity ${parseSeverity(ctx.command?.args[0] ?? '') ?? ''}`,
};

export const alertActions: Record<string, Action> = {
  openAlert: (ctx) => opening(ctx, ctx.event.issue.createdAt),
  reopenAlert: (ctx) => {
    const { severity, because } = alertData(ctx.instance);
    return opening(ctx, ctx.event.at, { severity, because });
  },

  escalate,
  proposeTermination: proposeUnresponsiveTermination,

  acknowledge: (ctx) => {
    const data = alertData(ctx.instance);
    const responseMs = Date.parse(ctx.event.at) - Date.parse(data.openedAt);
    // Handled after a reopen it was written before (Gitea sends deliveries from several workers).
    if (responseMs < 0)
      return `this \`/ack\` was written before this alert opened (${formatUtcSeconds(data.openedAt)}): write \`/ack\` again to acknowledge it.`;
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

  /**
   * An `/ack` once the alert is acknowledged: the response time is the first acknowledgement by
   * the responsible operator (PROGRAM.md "Alerts and escalation"), so the operator's `/ack` after
   * a maintainer's (who stopped the escalation) is recorded, and so is one written before the
   * operator's recorded one but handled after it (its delivery late, or found by the catch-up).
   */
  acknowledgeAgain: (ctx) => {
    const data = alertData(ctx.instance);
    const { actor, at } = ctx.event;
    const same = (a?: string, b?: string) => a !== undefined && a.toLowerCase() === b?.toLowerCase();
    const byOperator = same(actor, data.responsible);
    const recordedByOperator = same(data.acknowledgedBy, data.responsible);
    const earlier = data.acknowledgedAt === undefined || Date.parse(at) < Date.parse(data.acknowledgedAt);
    if (byOperator && (!recordedByOperator || earlier))
      return alertActions.acknowledge?.(ctx) ?? 'not acknowledged';
    const when = data.acknowledgedAt ? ` (${formatUtcSeconds(data.acknowledgedAt)})` : '';
    return `already acknowledged by @${data.acknowledgedBy ?? 'someone'}${when}; nothing to change.`;
  },

  resolve: ({ command, event }) => ({
    data: { resolvedAt: event.at, resolvedBy: event.actor, resolution: command?.args.join(' ') || undefined },
  }),

  closedByHand: ({ event }) => ({ data: { resolvedAt: event.at, resolvedBy: event.actor } }),

  changeSeverity: setsValue(alertSeverity, (ctx) => {
    const severity = parseSeverity(ctx.command?.args[0] ?? '');
    if (!severity) return 'write `/severity critical` or `/severity warning`.';
    const data = alertData(ctx.instance);
    if (severity === data.severity) return { reply: `the alert is already ${severity}.` };
    const changed = {
      ...data,
      severity,
      peakSeverity: higherSeverity(data.peakSeverity ?? data.severity, severity),
      because: `changed by @${ctx.event.actor}`,
      ackDeadline: ackDeadline(ctx.config, data.openedAt, severity),
    };
    const restart =
      ctx.instance.state === 'open' ? [{ name: 'ackDeadline', dueAt: changed.ackDeadline }] : [];
    return {
      data: changed,
      startTimers: restart,
      reply: `severity is now ${severity}${restart.length > 0 ? `; acknowledge by ${formatUtcSeconds(changed.ackDeadline)}` : ''}.`,
      effects: [severityLabel(severity), record(ctx, changed)],
    };
  }),

  updateResponsible: (ctx) => {
    const data = alertData(ctx.instance);
    const responsible = ctx.event.issue.assignees[0] ?? data.responsible;
    if (responsible === data.responsible) return 'the responsible operator did not change';
    const changed = { ...data, ...(responsible ? { responsible } : {}) };
    return { data: changed, effects: [record(ctx, changed)] };
  },
};
