import { unknownLogin } from '../../domain/text/inert.js';
import type { DecideContext } from '../../engine/module.js';

/**
 * Why `@login` cannot name a line of the table, or undefined when it can. The table shows the
 * logins it was computed with; people are their Gitea user id, and `facts.mentioned` holds whom
 * each `@login` names now (looked up by id when the command is applied). A line whose login now
 * names no operator (renamed, the old name free or registered by someone else) is not paid,
 * adjusted or held under that name: the table is computed again with the current login. The
 * name is echoed inert (`unknownLogin`): it may be someone else's now, who must not be notified.
 */
export function staleName(ctx: DecideContext, login: string): string | undefined {
  if (ctx.facts.mentioned[login.toLowerCase()]) return undefined;
  // Shown, not mentioned: the name may belong to someone else now, and it is the person's typing.
  return `${unknownLogin(login)} no longer names the operator of that line (a Gitea rename); the table is computed again with the current name — use that one.`;
}
