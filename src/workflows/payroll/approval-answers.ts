/**
 * How the bot answers an `/approve` it does not record because the table its author saw was not
 * the payroll's. What the live bot saw of Gitea then (the status comment's body and when each
 * version was shown) is not in Gitea's history: rebuild reads the refusal back from the bot's
 * reply (src/worker/status-seen.ts), from the word it signed into it (src/commands/sealed-answers.ts), never from its text,
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
