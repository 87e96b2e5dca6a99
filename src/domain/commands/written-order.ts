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

/** How the refusal below begins; the bot signs it into its reply as WRITTEN_BEFORE_SEAL (src/commands/sealed-answers.ts). */
export const WRITTEN_BEFORE = 'not applied: it was written before';
export const WRITTEN_BEFORE_SEAL = 'written-before';
/** The commands whose value is guarded here: rebuild reads back which of their lines the live bot refused (`answeredOlder`). */
export const WRITTEN_ORDER_COMMANDS: ReadonlySet<string> = new Set(['hold', 'unhold', 'severity']);

/**
 * The refusal of a command written before the one that last set the same value, or undefined
 * when it may act: commands are handled in the order their deliveries come (Gitea sends them from
 * several workers; the catch-up brings a lost one late), and an older one must not undo what a
 * later one decided (`/hold @bob`, lost, found after `/unhold @bob`). Lines of one comment act in
 * their order; an event without a comment (a timer, an issue change) is never refused here.
 * `answeredOlder`: rebuild, which replays comments in the order they were written, found this
 * line refused so by the live bot (its signed reply): refused again, the later one not replayed yet.
 */
export function writtenBefore(
  setters: Setters,
  key: string,
  commentId: number | undefined,
  answeredOlder = false,
): string | undefined {
  if (commentId === undefined) return undefined;
  const later = setters[key];
  if (!later || later.commentId <= commentId)
    return answeredOlder ? `${WRITTEN_BEFORE} a later command, which stands.` : undefined;
  return `${WRITTEN_BEFORE} @${later.by}'s \`${later.command}\` (${formatUtcSeconds(later.at)}), which stands. Write it again in a new comment if it is still meant.`;
}

/** Whether rebuild found the command being decided answered as written before a later one (Facts `answeredOlder`: its lines as written). */
export const answeredOlder = (ctx: {
  facts: { answeredOlder?: readonly string[] };
  command?: { raw: string } | undefined;
}): boolean => ctx.command !== undefined && ctx.facts.answeredOlder?.includes(ctx.command.raw) === true;

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
