import type { BotEvent } from '../gitea/event.js';
import { changeOf, type IssueChange } from '../store/issue-changed.js';

/**
 * The issue changes the intake was handed (src/store/issue-changed.ts), kept in memory until a
 * write takes them: the next delivery the intake accepts carries them in its own script call
 * (src/queue/intake-log.ts), so a change the intake drops (irrelevant, the bot's own) costs no
 * Redis write, and is in Redis before any comment accepted after it is handled. `flush` writes
 * what is left at stop. Changes of repositories `watched` does not name are not kept.
 *
 * In one process this holds exactly; with several intake processes, a change one of them keeps
 * reaches Redis with that process's next accepted delivery or its stop.
 */
export function createIssueChangeNotes(watched: (repo: string) => boolean) {
  let pending = new Map<string, number>();
  const keep = ([key, at]: IssueChange) => {
    if ((pending.get(key) ?? -1) < at) pending.set(key, at);
  };
  return {
    /** Keeps an `issue.*` event's change (changeOf); other events are left alone. */
    note(event: BotEvent): void {
      const change = watched(event.repo) ? changeOf(event) : undefined;
      if (change) keep(change);
    },
    /** The changes kept so far, handed to a write (give them back if it fails). */
    take(): IssueChange[] {
      const taken = [...pending];
      pending = new Map();
      return taken;
    },
    /** Changes a failed write took: kept again for the next one. */
    giveBack(changes: readonly IssueChange[]): void {
      for (const change of changes) keep(change);
    },
  };
}

export type IssueChangeNotes = ReturnType<typeof createIssueChangeNotes>;
