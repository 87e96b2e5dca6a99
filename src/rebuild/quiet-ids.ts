import type { BotEvent } from '../gitea/event.js';
import { issueKey } from '../store/keys.js';

/** Where the ids of the comments a quiet replay "creates" start: far above Gitea's real ones. */
const BASE = 1_000_000_000;
/** Ids kept for each issue's comments (a comment per event at most, and few per event). */
const PER_ISSUE = 100_000;

/**
 * The id of each comment the replay writes in an issue (it is not sent: Gitea gives none), and
 * recorded as written (store/written.ts) so the worker does not post it again. The id depends
 * only on the issue and how many the replay wrote there before: an issue's events replay in
 * order, whatever other issues do meanwhile, so a replay side by side records the ids a replay
 * one event after another does. A shared counter would hand them out in the order events finish.
 * Issues are numbered in `events` order (others, in the order first written to).
 */
export function quietCommentIds(events: readonly BotEvent[]) {
  const slots = new Map<string, number>();
  for (const event of events) {
    const key = issueKey(event.repo, event.issue.number);
    if (!slots.has(key)) slots.set(key, slots.size);
  }
  const written = new Map<string, number>();
  return (repo: { owner: string; name: string }, issue: number): number => {
    const key = issueKey(`${repo.owner}/${repo.name}`, issue);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(key, slot);
    }
    const count = written.get(key) ?? 0;
    written.set(key, count + 1);
    return BASE + slot * PER_ISSUE + count;
  };
}
