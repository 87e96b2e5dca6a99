/**
 * How the bot answers an `/approve` it does not record because the table its author saw was not
 * the payroll's. Rebuild reads them back from the bot's replies (src/worker/status-seen.ts): what
 * the live bot saw of Gitea then (the status comment's body and when each version was shown) is
 * not in Gitea's history.
 */
export const TABLE_EDITED =
  'not recorded: the table in the status comment was changed by someone since the bot wrote it';
export const TABLE_CHANGED_AFTER = 'not recorded: the table changed after this comment';
