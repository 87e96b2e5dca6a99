import { mentionedLogins } from '../domain/commands/mentions.js';
import { recordedByComment } from '../domain/history/comment-event.js';
import type { HistoryEvent } from '../domain/history/events.js';
import type { Facts } from '../engine/module.js';
import type { BotEvent } from '../gitea/event.js';
import type { OpenIssueIndex } from '../store/open-issues.js';
import type { OperatorStore } from '../store/operators.js';

export type FactLoaderDeps = {
  registry: OperatorStore;
  openIssues: OpenIssueIndex;
  botLogin: string;
  /** `rebuild` only: the command lines of an event's comment the live bot did not apply as older (src/worker/signed-answers.ts createNotAppliedLive). */
  notAppliedLive?: (event: BotEvent) => Promise<string[]>;
};

/**
 * The facts every decision of an event is made with: the registry records of the issue's author,
 * the actor and the people the comment mentions (as the comment's first try saw them), and the
 * author's other open issues of `workflow` (`self`: this issue, left out).
 */
export function createFactLoader(deps: FactLoaderDeps) {
  return async function loadFacts(event: BotEvent, workflow: string, self: string): Promise<Facts> {
    const logins = mentionedLogins(event.comment?.body ?? '');
    // The registry as this comment's first try saw it (a retried job recorded its events already).
    const own = (history: HistoryEvent) => recordedByComment(history.id, event);
    const [author, actor, otherOpenIssues, records, notAppliedLive] = await Promise.all([
      deps.registry.get(event.issue.author, own),
      deps.registry.get(event.actor, own),
      deps.openIssues.others(workflow, event.issue.author, self),
      Promise.all(logins.map((login) => deps.registry.get(login, own))),
      deps.notAppliedLive?.(event) ?? [],
    ]);
    const mentioned = Object.fromEntries(records.flatMap((r) => (r ? [[r.login.toLowerCase(), r]] : [])));
    return {
      ...(author ? { author } : {}),
      ...(actor ? { actor } : {}),
      otherOpenIssues,
      mentioned,
      botLogin: deps.botLogin,
      ...(notAppliedLive.length > 0 ? { notAppliedLive } : {}),
    };
  };
}
