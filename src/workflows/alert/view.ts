import type { ProgramConfig } from '../../config/program.js';
import { formatDuration, formatUtc } from '../../domain/time/format.js';
import type { Instance } from '../../engine/instance.js';
import { escalationMentions } from './contacts.js';
import { alertData } from './data.js';

const TITLES: Record<string, string> = {
  open: 'Open',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** The status comment's view: who must acknowledge by when, and what happened since. */
export function alertStatusView(instance: Instance, config: ProgramConfig): Record<string, unknown> {
  const data = alertData(instance);
  const waiting = instance.state === 'open' || instance.state === 'escalated';
  const who = data.responsible ? `@${data.responsible}` : 'the responsible operator (assign one)';
  return {
    stateTitle: TITLES[instance.state] ?? instance.state,
    severity: data.severity,
    because: data.because,
    responsible: data.responsible,
    node: data.node,
    problem: data.problem,
    openedAt: formatUtc(data.openedAt),
    waiting,
    ackBy: waiting
      ? `${who} must acknowledge with \`/ack\` by **${formatUtc(data.ackDeadline)}** (${formatDuration(config.alerts.ackWithin[data.severity])} for a ${data.severity} alert).`
      : undefined,
    escalation:
      data.level > 0
        ? `level ${data.level}; ${escalationMentions(config)} called, again every ${formatDuration(config.alerts.escalateEvery)} until acknowledged`
        : undefined,
    acknowledged: data.acknowledgedAt
      ? `by @${data.acknowledgedBy} at ${formatUtc(data.acknowledgedAt)} — response time ${formatDuration(data.responseMs ?? 0)}`
      : undefined,
    resolved: data.resolvedAt
      ? `by @${data.resolvedBy} at ${formatUtc(data.resolvedAt)}${data.resolution ? `: ${data.resolution}` : ''}`
      : undefined,
  };
}
