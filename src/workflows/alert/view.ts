import type { ProgramConfig } from '../../config/program.js';
import { type Markdown, md, trusted } from '../../domain/markdown/compose.js';
import { mentionMaintainers } from '../../domain/text/mentions.js';
import { formatDuration } from '../../domain/time/duration.js';
import { formatUtc, formatUtcSeconds } from '../../domain/time/format.js';
import type { Instance } from '../../engine/instance.js';
import { alertAsks } from './asks.js';
import { escalationMentions } from './contacts.js';
import { type AlertData, alertData } from './data.js';
import { reviewAt } from './escalation.js';

const TITLES: Record<string, string> = {
  open: 'Open',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/**
 * What is asked now, following the state: before the deadline who acknowledges by when (to the
 * second); after it, that the deadline has passed and when the next level, reminder or termination
 * review comes; once acknowledged, who resolves; nothing once resolved.
 */
function nextLine(instance: Instance, config: ProgramConfig, data: AlertData, who: Markdown | string) {
  const ack = md`\`/ack\``;
  if (instance.state === 'open' && !data.responsible)
    return md`${trusted(mentionMaintainers(config))}: assign the operator who runs the node (Gitea's assignee); they acknowledge with ${ack} by **${formatUtcSeconds(data.ackDeadline)}** (${formatDuration(config.alerts.ackWithin[data.severity])} for a ${data.severity} alert).`;
  if (instance.state === 'open')
    return md`${who} acknowledges with ${ack} by **${formatUtcSeconds(data.ackDeadline)}** (${formatDuration(config.alerts.ackWithin[data.severity])} for a ${data.severity} alert); ${md`\`/resolve NOTE\``} once fixed.`;
  if (instance.state === 'escalated') {
    const { escalationLevels } = config.alerts;
    const upcoming = data.terminationProposed
      ? 'a termination review was proposed to the maintainers'
      : data.nextEscalationAt
        ? `${data.level < escalationLevels ? `escalation level ${data.level + 1}` : 'the next reminder'} at ${formatUtcSeconds(data.nextEscalationAt)}; a termination review is proposed at ${formatUtcSeconds(reviewAt(config, data))}`
        : `a termination review is proposed at ${formatUtcSeconds(reviewAt(config, data))}`;
    return md`${who} acknowledges now with ${ack} — the deadline passed at ${formatUtcSeconds(data.ackDeadline)}; ${upcoming}.`;
  }
  if (instance.state === 'acknowledged')
    return md`${data.acknowledgedBy ? md`@${data.acknowledgedBy}` : who} writes ${md`\`/resolve NOTE\``} once it is fixed (this closes the alert).`;
  return undefined;
}

/** The status comment's view: who must acknowledge by when, and what happened since. */
export function alertStatusView(instance: Instance, config: ProgramConfig): Record<string, unknown> {
  const data = alertData(instance);
  const waiting = instance.state === 'open' || instance.state === 'escalated';
  const who = data.responsible ? md`@${data.responsible}` : 'the responsible operator (assign one)';
  return {
    stateTitle: TITLES[instance.state] ?? instance.state,
    severity: data.severity,
    because: data.because,
    responsible: data.responsible,
    node: data.node,
    problem: data.problem,
    openedAt: formatUtcSeconds(data.openedAt),
    waiting,
    next: nextLine(instance, config, data, who),
    asks: alertAsks(instance.state, data, config),
    escalation:
      data.level > 0
        ? // The contacts and maintainers are handles from the program config: the mentions the bot means.
          md`${waiting ? '' : 'reached '}level ${Math.min(data.level, config.alerts.escalationLevels)} of ${config.alerts.escalationLevels}; ${trusted(escalationMentions(config))} called${waiting && data.level > config.alerts.escalationLevels ? `; reminded every ${formatDuration(config.alerts.remindEvery)}` : ''}`
        : undefined,
    acknowledged: data.acknowledgedAt
      ? md`by @${data.acknowledgedBy} at ${formatUtcSeconds(data.acknowledgedAt)} — response time ${formatDuration(data.responseMs ?? 0)}`
      : undefined,
    resolved: data.resolvedAt
      ? md`by @${data.resolvedBy} at ${formatUtc(data.resolvedAt)}${data.resolution ? md`: ${data.resolution}` : ''}`
      : undefined,
  };
}
