import type { Answer } from '../../commands/answer.js';

/**
 * How the bot answers an `/approve` it does not record because the table its author saw was not
 * the payroll's. What the live bot saw of Gitea then (the status comment's body and when each
 * version was shown) is not in Gitea's history: rebuild reads the refusal back from the bot's
 * reply (src/worker/status-seen.ts), from its signed word (`sealApproval`), never from its text,
 * which anyone with write access may edit and which echoes what the commenter wrote.
 */
export const TABLE_EDITED =
  'not recorded: the table in the status comment was changed by someone since the bot wrote it';
export const TABLE_CHANGED_AFTER = 'not recorded: the table changed after this comment';

/** The signed words (ANSWER_MARKER, after the comment id) of those two refusals. */
export const APPROVAL_SEALS = {
  edited: 'approve:table-edited',
  changedAfter: 'approve:table-changed-after',
} as const;

/**
 * `answer` with the signed word of its refusal when it is the bot's answer to an `/approve` line
 * that begins with one of those refusals (an answer's text after the echoed line is the bot's
 * own); any other answer unchanged.
 */
export function sealApproval(answer: Answer): Answer {
  if (answer.line?.name !== 'approve' || answer.bare) return answer;
  if (answer.text.startsWith(TABLE_EDITED)) return { ...answer, sealed: APPROVAL_SEALS.edited };
  if (answer.text.startsWith(TABLE_CHANGED_AFTER)) return { ...answer, sealed: APPROVAL_SEALS.changedAfter };
  return answer;
}
