import type { DecideContext } from '../../engine/module.js';

/**
 * Why `@login` cannot name a line of the table, or undefined when it can. The table shows the
 * logins it was computed with; people are their Gitea user id, and `facts.mentioned` holds whom
 * each `@login` names now (looked up by id when the command is applied). A line whose login now
 * names no operator (renamed, the old name free or registered by someone else) is not paid,
 * adjusted or held under that name: the table is computed again with the current login.
 */
export function staleName(ctx: DecideContext, login: string): string | undefined {
  if (ctx.facts.mentioned[login.toLowerCase()]) return undefined;
  return `@${login} no longer names the operator of that line (a Gitea rename); the table is computed again with the current name — use that one.`;
}
