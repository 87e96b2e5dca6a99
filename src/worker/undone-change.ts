import { toIso } from '../domain/time/instant.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';

/**
 * The events to decide for a close or reopen that was undone before it was handled
 * (current-issue.ts undoneSince), in the order they were made: the change as it left the issue,
 * then the one that undid it, as Gitea's timeline names it (the newest close or reopen, its user
 * and time). Each is then judged by who made it: a maintainer's close undone by someone who may
 * not reopen resolves the alert and the reopen is put back with a note, where skipping the close
 * would have left the alert escalating in a closed issue. Deciding the undoing change again when
 * its own delivery comes changes nothing (its state is reached already, or the bot's own undo is
 * the newest entry). Empty (nothing to decide) when the timeline holds no such later change, or
 * the bot made it. One timeline read. `event` has the issue as read from Gitea.
 */
export function createUndoneChange(gitea: Pick<GiteaClient, 'timeline'>, botLogin: string) {
  return async (event: BotEvent): Promise<BotEvent[]> => {
    const undoing = event.kind === 'issue.closed' ? 'reopen' : 'close';
    const timeline = await gitea.timeline(repoRef(event.repo), event.issue.number);
    const newest = timeline.findLast((entry) => entry.type === 'close' || entry.type === 'reopen');
    const by = newest?.user;
    if (newest?.type !== undoing || !by?.login || !newest.created_at) return [];
    if (by.login.toLowerCase() === botLogin.toLowerCase()) return [];
    const left: BotEvent['issue']['state'] = event.kind === 'issue.closed' ? 'closed' : 'open';
    const { comment: _none, asOfComment: _read, actorId: _changer, ...change } = event;
    return [
      { ...event, issue: { ...event.issue, state: left } },
      {
        ...change,
        kind: undoing === 'reopen' ? 'issue.reopened' : 'issue.closed',
        actor: by.login,
        ...(by.id ? { actorId: by.id } : {}),
        at: toIso(newest.created_at),
      },
    ];
  };
}
