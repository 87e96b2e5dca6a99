import { NOT_APPLIED_OLDER, NOT_APPLIED_OLDER_SEAL } from '../domain/commands/written-order.js';
import { APPROVAL_SEALS, TABLE_CHANGED_AFTER, TABLE_EDITED } from '../workflows/payroll/approval-answers.js';
import type { Answer } from './answer.js';
import { EDITED_NOT_RUN, EDITED_SEAL } from './edited.js';

/**
 * The word the bot signs into its reply (ANSWER_MARKER, src/engine/effects.ts) for an answer
 * rebuild must replay as the live bot gave it, or undefined. Those answers depend on what the live
 * bot saw and when, not on Gitea's history: a comment edited before it was read
 * (src/commands/edited.ts), an `/approve` refused for the table its author saw
 * (src/workflows/payroll/approval-answers.ts), a command not applied because a later comment set
 * the value first (src/domain/commands/written-order.ts). Read from the bot's own text after the
 * echoed line, never from the commenter's: an answer's text begins with what the bot decided.
 */
export function sealedWord(answer: Answer): string | undefined {
  if (!answer.line || answer.bare) return undefined;
  if (answer.text.startsWith(NOT_APPLIED_OLDER)) return NOT_APPLIED_OLDER_SEAL;
  if (answer.text.startsWith(EDITED_NOT_RUN)) return EDITED_SEAL;
  if (answer.line.name !== 'approve') return undefined;
  if (answer.text.startsWith(TABLE_EDITED)) return APPROVAL_SEALS.edited;
  if (answer.text.startsWith(TABLE_CHANGED_AFTER)) return APPROVAL_SEALS.changedAfter;
  return undefined;
}
