import type { ProgramConfig } from '../../config/program.js';

/**
 * Who an escalation calls: the `escalation.contacts` as mentions, or, when none are configured,
 * words saying so (PROGRAM.md, "Alerts and escalation": the contacts come from the config).
 */
export function escalationMentions(config: ProgramConfig): string {
  const { contacts } = config.escalation;
  return contacts.length > 0
    ? contacts.map((login) => `@${login}`).join(' ')
    : 'the maintainers (no escalation.contacts are configured)';
}
