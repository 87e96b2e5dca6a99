import type { ProgramConfig } from '../../config/program.js';
import { maintainerHandles } from '../../domain/text/mentions.js';
import { formatDuration } from '../../domain/time/duration.js';
import { formatUtcSeconds } from '../../domain/time/format.js';
import type { Ask } from '../../engine/asks.js';
import type { AlertData } from './data.js';

/**
 * What an open alert asks: the responsible operator (else the maintainers, to assign one)
 * acknowledges by the deadline. Keyed by who and since when, so a reassigned or reopened alert
 * asks again; escalations have their own 🚨 comments (actions.ts).
 */
export function alertAsks(state: string, data: AlertData, config: ProgramConfig): Ask[] {
  if (state !== 'open') return [];
  const within = formatDuration(config.alerts.ackWithin[data.severity]);
  if (!data.responsible)
    return [
      {
        key: `assign-${data.openedAt}`,
        who: maintainerHandles(config),
        role: 'a maintainer',
        text: `assign the operator who runs the node; they must acknowledge by ${formatUtcSeconds(data.ackDeadline)}.`,
      },
    ];
  return [
    {
      key: `ack-${data.responsible.toLowerCase()}-${data.openedAt}`,
      who: [data.responsible],
      role: 'the responsible operator',
      text: `acknowledge this ${data.severity} alert with \`/ack\` by ${formatUtcSeconds(data.ackDeadline)} (${within}), then \`/resolve NOTE\` once fixed.`,
    },
  ];
}
