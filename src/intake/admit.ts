import type { BotEvent } from '../gitea/event.js';
import { jobIdFor } from '../gitea/normalize.js';
import type { RawDelivery } from '../queue/intake-entry.js';
import type { AcceptDelivery } from '../queue/intake-log.js';
import type { IssueChangeNotes } from './issue-change-notes.js';

export type AdmitDeps = {
  enqueue: AcceptDelivery;
  /**
   * PROGRAM_REPO. An event of any other repository is deduplicated within its repository: Gitea's
   * issue and comment ids are global, and a delivery signed with another repository's hook secret
   * (which that repository's admins can read) could otherwise take the key of a PROGRAM_REPO
   * event before it comes, which would then be dropped as a duplicate. Unset: keys as they are.
   */
  programRepo?: string;
  isRelevant: (event: BotEvent) => boolean;
  /** Whether a plain comment may answer a maintainer's `/ping` in its issue (one Redis read). */
  awaitsAnswer?: (event: BotEvent) => Promise<boolean>;
  /** Whether a workflow already runs on the event's issue (one Redis read). */
  tracks?: (event: BotEvent) => Promise<boolean>;
  /** The bot's own login once known; its own events are dropped. */
  botLogin: () => string | undefined;
  /** Remembers an admitted issue event's title and body, for the catch-up (src/store/issue-contents.ts). */
  noteContent?: (event: BotEvent) => Promise<void>;
  /**
   * The time of every issue change of a program repository it is handed, the bot's own and those
   * no workflow acts on too (src/store/issue-changed.ts): kept in memory and written with the next
   * accepted delivery, so that a comment delivery arriving after a change is decided on the issue
   * read again, and an irrelevant delivery writes nothing; written at once when a comment delivery
   * of its issue was accepted before (it may still wait for a worker: issue-change-notes.ts).
   */
  issueChanges?: IssueChangeNotes;
};

export type Admission = 'queued' | 'duplicate' | 'own-event' | 'irrelevant';

/**
 * The one road in for a normalised delivery, whether Gitea sent it or the catch-up found it:
 * drop the bot's own events and those no workflow could act on, then enqueue once per content
 * key (`dedupeKey`). An issue the bot tracks is never dropped for its payload's labels: Gitea
 * 1.23 sends `"labels": []` when a label is removed in the web UI (go-gitea/gitea#34560) and the
 * worker reads the labels from the API anyway. `delivery`, the bytes the event was built from, is
 * what is stored when given. An issue change's time is noted first, whatever follows
 * (`issueChanges`). Throws when the queue is unreachable, or when a dropped change had to be
 * written at once and Redis did not take it.
 */
export function createAdmit(deps: AdmitDeps) {
  const lookup = (check: ((event: BotEvent) => Promise<boolean>) | undefined, event: BotEvent) =>
    check ? check(event).catch(() => true) : Promise.resolve(false);
  return async (event: BotEvent, dedupeKey: string, delivery?: RawDelivery): Promise<Admission> => {
    deps.issueChanges?.note(event);
    if (event.actor.toLowerCase() === deps.botLogin()?.toLowerCase()) {
      await deps.issueChanges?.settle(event);
      return 'own-event';
    }
    const relevant =
      deps.isRelevant(event) ||
      (event.kind === 'comment.created' && (await lookup(deps.awaitsAnswer, event))) ||
      (event.kind.startsWith('issue.') && (await lookup(deps.tracks, event)));
    if (!relevant) {
      await deps.issueChanges?.settle(event);
      return 'irrelevant';
    }
    deps.issueChanges?.accepting(event);
    const changes = deps.issueChanges?.take() ?? [];
    const admitted = await deps
      .enqueue(event, jobIdFor(keyWithin(deps.programRepo, event, dedupeKey)), delivery, changes)
      .catch((error: unknown) => {
        deps.issueChanges?.giveBack(changes);
        throw error;
      });
    await deps.noteContent?.(event).catch(() => undefined);
    return admitted;
  };
}

export type Admit = ReturnType<typeof createAdmit>;

/**
 * The dedupe key of `event`: as it is in PROGRAM_REPO (its jobs keep their ids), else prefixed by
 * its repository and followed by its issue's number. Such a delivery is confirmed with Gitea
 * before it is decided (src/worker/confirm-delivery.ts), as of the issue of that number: one signed
 * by an admin of that repository for an id Gitea gives later (comment and issue ids are each one
 * sequence for the instance), in another issue, must not hold the key of the real delivery (or of
 * its catch-up twin) while the real one is dropped as its duplicate.
 */
function keyWithin(programRepo: string | undefined, event: BotEvent, dedupeKey: string): string {
  const { repo } = event;
  if (programRepo === undefined || programRepo.toLowerCase() === repo.toLowerCase()) return dedupeKey;
  return `${repo.toLowerCase()}|${dedupeKey}|${event.issue.number}`;
}
