import type { ProgramConfig } from '../../config/program.js';
import { maintainerHandles } from '../../domain/text/mentions.js';

/**
 * Who an escalation calls: the `escalation.contacts` and the maintainers (users and teams; all
 * may `/ack`, workflows/alert.yaml) as mentions, or, when none are configured, words saying so
 * (PROGRAM.md, "Alerts and escalation": the contacts come from the config).
 */
export function escalationMentions(config: ProgramConfig): string {
  const handles = [...new Set([...config.escalation.contacts, ...maintainerHandles(config)])];
  return handles.length > 0
    ? handles.map((login) => `@${login}`).join(' ')
    : 'the maintainers (no escalation.contacts are configured)';
}
