import { mentionedLogins } from '../domain/commands/mentions.js';
import { recordedByComment } from '../domain/history/comment-event.js';
import type { HistoryEvent } from '../domain/history/events.js';
import type { Facts } from '../engine/module.js';
import type { BotEvent } from '../gitea/event.js';
import type { OpenIssueIndex } from '../store/open-issues.js';
import type { OperatorStore } from '../store/operators.js';

/**
 * The facts every decision of an event is made with: the registry records of the issue's author,
 * the actor and the people the comment mentions (as the comment's first try saw them), and the
 * author's other open issues of `workflow` (`self`: this issue, left out).
 */
export function createFactLoader(deps: {
  registry: OperatorStore;
  openIssues: OpenIssueIndex;
  botLogin: string;
  /** Rebuild only: the lines of the event's comment the live bot answered as written before a later one (status-seen.ts answeredOlder). */
  answeredOlder?: (event: BotEvent) => Promise<string[]>;
}) {
  return async function loadFacts(event: BotEvent, workflow: string, self: string): Promise<Facts> {
    const logins = mentionedLogins(event.comment?.body ?? '');
    // The registry as this comment's first try saw it (a retried job recorded its events already).
    const own = (history: HistoryEvent) => recordedByComment(history.id, event);
    const [author, actor, otherOpenIssues, records, older] = await Promise.all([
      deps.registry.get(event.issue.author, own),
      deps.registry.get(event.actor, own),
      deps.openIssues.others(workflow, event.issue.author, self),
      Promise.all(logins.map((login) => deps.registry.get(login, own))),
      deps.answeredOlder?.(event) ?? [],
    ]);
    const mentioned = Object.fromEntries(records.flatMap((r) => (r ? [[r.login.toLowerCase(), r]] : [])));
    return {
      ...(author ? { author } : {}),
      ...(actor ? { actor } : {}),
      otherOpenIssues,
      mentioned,
      botLogin: deps.botLogin,
      ...(older.length > 0 ? { answeredOlder: older } : {}),
    };
  };
}
