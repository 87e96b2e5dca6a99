import type { BotEvent } from '../gitea/event.js';
import { changedKeyOf, changeOf, type IssueChange } from '../store/issue-changed.js';

/** How many issues with an accepted comment delivery are remembered (the least recent forgotten first). */
export const COMMENTED_ISSUES = 10_000;

/**
 * The issue changes the intake was handed (src/store/issue-changed.ts), kept in memory until a
 * write takes them: the next delivery the intake accepts carries them in its own script call
 * (src/queue/intake-log.ts), so a change the intake drops (irrelevant, the bot's own) costs no
 * Redis write, and is in Redis before any comment accepted after it is handled. `flush` writes
 * what is left at stop. Changes of repositories `watched` does not name are not kept.
 *
 * A comment accepted before the change may still wait for a worker (a backlog, a worker in
 * another process) and would be decided on its copy of the issue (src/worker/issue-now.ts): so a
 * dropped change of an issue one of whose comment deliveries this intake accepted (`accepting`;
 * the last COMMENTED_ISSUES issues) is written at once (`settle`), with all kept so far.
 *
 * In one intake process this holds exactly. With several, a change one of them keeps reaches
 * Redis only with that process's next accepted delivery or its stop: while more than one runs
 * (src/store/intake-presence.ts), workers read every comment's issue from Gitea
 * (src/worker/issue-now.ts).
 *
 * `write`: notes changes in Redis (createIssueChanged(…).noteAll); throws when Redis does.
 */
export function createIssueChangeNotes(
  watched: (repo: string) => boolean,
  write: (changes: readonly IssueChange[]) => Promise<void>,
) {
  let pending = new Map<string, number>();
  const commented = new Map<string, true>();
  const keep = ([key, at]: IssueChange) => {
    if ((pending.get(key) ?? -1) < at) pending.set(key, at);
  };
  const take = (): IssueChange[] => {
    const taken = [...pending];
    pending = new Map();
    return taken;
  };
  const giveBack = (changes: readonly IssueChange[]) => {
    for (const change of changes) keep(change);
  };
  const writeTaken = async () => {
    const changes = take();
    if (changes.length === 0) return;
    await write(changes).catch((error: unknown) => {
      giveBack(changes);
      throw error;
    });
  };
  return {
    /** Keeps an `issue.*` event's change (changeOf); other events are left alone. */
    note(event: BotEvent): void {
      const change = watched(event.repo) ? changeOf(event) : undefined;
      if (change) keep(change);
    },
    /** A delivery is about to be accepted: when it is a comment decided as of itself, its issue is remembered. */
    accepting(event: BotEvent): void {
      if (!event.asOfComment || !watched(event.repo)) return;
      const key = changedKeyOf(event);
      commented.delete(key);
      commented.set(key, true);
      if (commented.size > COMMENTED_ISSUES) commented.delete(commented.keys().next().value as string);
    },
    /**
     * For a change the intake drops: writes the changes kept so far now when a comment delivery
     * of its issue was accepted (`accepting`), else nothing. Throws when the write fails (the
     * changes are kept again).
     */
    async settle(event: BotEvent): Promise<void> {
      const change = changeOf(event);
      if (change && pending.has(change[0]) && commented.has(change[0])) await writeTaken();
    },
    /** The changes kept so far, handed to a write (give them back if it fails). */
    take,
    /** Changes a failed write took: kept again for the next one. */
    giveBack,
    /** Writes what is kept (at stop). Throws when the write fails. */
    flush: writeTaken,
  };
}

export type IssueChangeNotes = ReturnType<typeof createIssueChangeNotes>;
