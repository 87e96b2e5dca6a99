import type { ProgramConfig } from '../../config/program.js';
import type { Severity } from '../../domain/alerts/severity.js';
import { formatDuration } from '../../domain/time/duration.js';
import { formatUtcSeconds } from '../../domain/time/format.js';
import { addMs } from '../../domain/time/instant.js';
import type { Action } from '../../engine/module.js';
import { proposeTermination } from '../exit/open-termination.js';
import { escalationMentions } from './contacts.js';
import { type AlertData, alertData } from './data.js';

/*
 * An alert's clock (PROGRAM.md, "Alerts and escalation"): opening (or reclassifying) it sets
 * `ackDeadline` — `alerts.ackWithin[severity]` after it opened, 30 min for critical and 4 h for
 * warning by default — and starts the `ackDeadline` timer (workflows/alert.yaml). If nobody `/ack`s
 * by then the timer fires `escalate` below (state `escalated`); `/ack` leaves `open`/`escalated`,
 * so a timer that fires later no longer applies (src/engine/timers.ts).
 */

/** The acknowledgement deadline of an alert opened at `openedAt` (ISO time) with `severity`. */
export const ackDeadline = (config: ProgramConfig, openedAt: string, severity: Severity): string =>
  addMs(openedAt, config.alerts.ackWithin[severity]);

/** When an unacknowledged alert's termination review is proposed (`alerts.unresponsiveAfter` after opening). */
export const reviewAt = (config: ProgramConfig, data: AlertData): string =>
  addMs(data.openedAt, config.alerts.unresponsiveAfter);

/**
 * One step of an unacknowledged alert: levels 1..`alerts.escalationLevels` each post a 🚨
 * comment and a chat message, `escalateEvery` apart; after the last level, one reminder every
 * `alerts.remindEvery` that says when the termination review comes (`unresponsiveAfter`).
 */
export const escalate: Action = (ctx) => {
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
  const review = reviewAt(ctx.config, data);
  // Enough: once the termination review is proposed, the maintainers decide; no more reminders.
  if (level > escalationLevels && data.terminationProposed) return { data: { nextEscalationAt: undefined } };
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
};

/**
 * `alerts.unresponsiveAfter` (72 h by default) after opening, still unacknowledged: the bot
 * proposes a termination review of the responsible operator (PROGRAM.md, "Exit": unresponsive
 * > 72 h without prior notice), once; a maintainer decides in the exit issue it opens.
 */
export const proposeUnresponsiveTermination: Action = (ctx) => {
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
};
