import { z } from 'zod';
import { formatUtcSeconds } from '../time/format.js';

/**
 * The comment whose command last set a value of an instance (a line's hold, an alert's severity):
 * Gitea's comment id (one sequence for the whole instance: a higher id was written later,
 * models/issues/comment.go), its time (ISO UTC), its writer and the command as written.
 */
export const setterSchema = z.object({
  commentId: z.number().int(),
  at: z.string(),
  by: z.string(),
  command: z.string(),
});
export type Setter = z.output<typeof setterSchema>;

/** What set each value, by key (`hold:bob`, `severity`). */
export const settersSchema = z.record(z.string(), setterSchema).default({});
export type Setters = z.output<typeof settersSchema>;

/**
 * How the answer to such a command begins. The bot signs NOT_APPLIED_OLDER_SEAL into its reply to
 * such a line (src/commands/sealed-answers.ts): `rebuild` reads which lines it did not apply from
 * that word (src/worker/signed-answers.ts), not from the reply's text.
 */
export const NOT_APPLIED_OLDER = 'not applied: it was written before';
export const NOT_APPLIED_OLDER_SEAL = 'written-before';
/** The commands whose value is guarded here: rebuild asks for the lines the live bot refused only for them. */
export const WRITTEN_ORDER_COMMANDS: ReadonlySet<string> = new Set(['hold', 'unhold', 'severity']);

/**
 * The refusal of a command written before the one that last set the same value, or undefined
 * when it may act: commands are handled in the order their deliveries come (Gitea sends them from
 * several workers; the catch-up brings a lost one late), and an older one must not undo what a
 * later one decided (`/hold @bob`, lost, found after `/unhold @bob`). Lines of one comment act in
 * their order; an event without a comment (a timer, an issue change) is never refused here.
 * `refusedLive` (rebuild): the live bot answered this line so; the history replays it refused too.
 */
export function writtenBefore(
  setters: Setters,
  key: string,
  commentId: number | undefined,
  refusedLive = false,
): string | undefined {
  if (refusedLive) return `${NOT_APPLIED_OLDER} a later command, which stands.`;
  const later = setters[key];
  if (commentId === undefined || !later || later.commentId <= commentId) return undefined;
  return `${NOT_APPLIED_OLDER} @${later.by}'s \`${later.command}\` (${formatUtcSeconds(later.at)}), which stands. Write it again in a new comment if it is still meant.`;
}

/** `setters` with `key` set by the command being handled (`command`: its name and arguments as written). */
export function setBy(
  setters: Setters,
  key: string,
  event: { at: string; actor: string; comment?: { id: number } | undefined },
  command: string,
): Setters {
  if (!event.comment) return setters;
  return { ...setters, [key]: { commentId: event.comment.id, at: event.at, by: event.actor, command } };
}
