import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDeliveryNotes, type DeliveryNote, type DeliveryNotes } from '../store/last-deliveries.js';

export type DeliveryOutcome = 'verified' | 'rejected';
export type DeliveryNoteEntry = { repo: string; outcome: DeliveryOutcome; note: DeliveryNote };

/** What the intake needs of the notes: note one delivery, and hear that a relevant batch was written. */
export type DeliveryNoteTaker = {
  note: (repo: string, outcome: DeliveryOutcome, deliveryId: string, event: string) => void;
  /** A relevant delivery was just written to Redis: the notes may ride along (see createDeliveryNoteBook). */
  wrote: () => void;
};

/**
 * The last verified and refused delivery per watched repository ("did Gitea reach the bot, and do
 * the secrets agree?", read by `init` and `doctor` through /readyz), kept in memory: a delivery
 * costs no Redis write for its note, so an irrelevant one (answered 204) touches Redis not at all.
 * /readyz shows these notes (`snapshot`, merged over the stored ones, newest wins). They reach
 * Redis (`persist`, store/last-deliveries.ts) only when the intake writes there anyway, after a
 * relevant delivery's batch (`wrote`, at most every `minIntervalMs`), and at shutdown (`flush`),
 * so that a restarted bot still says when Gitea last reached it.
 * `watched`: lower-case `owner/repo` names; notes about other repositories are dropped (a refused
 * delivery's repository is what its unverified body claims).
 */
export function createDeliveryNoteBook(options: {
  watched: ReadonlySet<string>;
  persist: (entries: DeliveryNoteEntry[]) => Promise<void>;
  minIntervalMs: number;
  onError: (error: unknown) => void;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const latest = new Map<string, Noted>();
  let changed = new Set<string>();
  let lastWrite = Number.NEGATIVE_INFINITY;
  let writing: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    await writing;
    if (changed.size === 0) return;
    const entries = [...changed].flatMap((key) => {
      const noted = latest.get(key);
      return noted ? [entryOf(noted)] : [];
    });
    changed = new Set();
    lastWrite = now();
    writing = options.persist(entries).catch(options.onError);
    await writing;
    writing = undefined;
  };

  return {
    note(repo: string, outcome: DeliveryOutcome, deliveryId: string, event: string) {
      const name = repo.toLowerCase();
      if (!options.watched.has(name)) return;
      const key = `${name}|${outcome}`;
      // The time is formatted when the note is read, not per delivery.
      latest.set(key, { repo: name, outcome, deliveryId, event, at: now() });
      changed.add(key);
    },
    wrote() {
      if (changed.size > 0 && !writing && now() - lastWrite >= options.minIntervalMs) void flush();
    },
    /** The notes in memory, as /readyz shows them (`owner/repo` → verified / rejected). */
    snapshot(): DeliveryNotes {
      const notes: DeliveryNotes = {};
      for (const noted of latest.values()) {
        const { repo, outcome, note } = entryOf(noted);
        notes[repo] = { ...notes[repo], [outcome]: note };
      }
      return notes;
    },
    /** Writes the notes changed since the last write (at shutdown). */
    flush,
  };
}

type Noted = { repo: string; outcome: DeliveryOutcome; deliveryId: string; event: string; at: number };

const entryOf = ({ repo, outcome, deliveryId, event, at }: Noted): DeliveryNoteEntry => ({
  repo,
  outcome,
  note: { deliveryId, event, at: new Date(at).toISOString() },
});

export type DeliveryNoteBook = ReturnType<typeof createDeliveryNoteBook>;

/** How often at most the notes ride along with a relevant delivery's write. */
const PERSIST_EVERY_MS = 1_000;

/** The intake's notes for `repos` (PROGRAM_REPO, program.repos and the quality repos), stored in Redis under store/last-deliveries.ts. */
export function intakeDeliveryNotes(redis: Redis, repos: readonly string[], log: Logger): DeliveryNoteBook {
  const store = createDeliveryNotes(redis);
  return createDeliveryNoteBook({
    watched: new Set(repos.filter(Boolean).map((repo) => repo.toLowerCase())),
    persist: async (entries) => {
      for (const { repo, outcome, note } of entries) await store.note(repo, outcome, note);
    },
    minIntervalMs: PERSIST_EVERY_MS,
    onError: (err) => log.warn({ err }, 'could not note the last deliveries'),
  });
}

/** `stored` with each note replaced by the one in `fresh` when that one is newer (ISO times compare as text). */
export function mergeDeliveryNotes(stored: DeliveryNotes, fresh: DeliveryNotes): DeliveryNotes {
  const merged: DeliveryNotes = { ...stored };
  for (const [repo, notes] of Object.entries(fresh)) {
    const current = { ...merged[repo] };
    for (const outcome of ['verified', 'rejected'] as const) {
      const note = notes[outcome];
      const old = current[outcome];
      if (note && (!old || note.at >= old.at)) current[outcome] = note;
    }
    merged[repo] = current;
  }
  return merged;
}
