import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseCommands } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';

/**
 * One input an instance acted on, kept in the instance and in its status comment's marker so that
 * `rebuild` replays what the bot saw, not what the text says now: a digest of the text, when and
 * by whom, and for a comment its commands (from the first command to the end of the comment).
 */
export const actedInputSchema = z.object({
  digest: z.string(),
  at: z.string(),
  by: z.string().optional(),
  commands: z.string().optional(),
});
export type ActedInput = z.output<typeof actedInputSchema>;

/** The key of the issue body among an instance's inputs (comments are keyed by their id). */
export const BODY_INPUT = 'body';

/** A short digest of a text: the first 16 hex digits of its SHA-256. */
export const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The commands of a comment as decide reads them: the text from its first command on. */
export function commandText(body: string): string | undefined {
  const [first] = parseCommands(body);
  return first ? `/${first.name}${first.rest ? ` ${first.rest}` : ''}` : undefined;
}

/** The inputs after an event the instance acted on: the body it decided on, the comment it applied. */
export function withInput(inputs: Record<string, ActedInput>, event: BotEvent): Record<string, ActedInput> {
  if (event.kind === 'timer.fired') return inputs;
  const next: Record<string, ActedInput> = {
    ...inputs,
    [BODY_INPUT]: { digest: digestOf(event.issue.body), at: event.at },
  };
  const comment = event.kind === 'comment.created' ? event.comment : undefined;
  if (!comment) return next;
  const commands = commandText(comment.body);
  next[String(comment.id)] = {
    digest: comment.digest ?? digestOf(comment.body),
    at: event.at,
    by: event.actor,
    ...(commands ? { commands } : {}),
  };
  return next;
}
