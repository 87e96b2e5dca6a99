import { z } from 'zod';
import type { Effect } from './effects.js';

/**
 * Something a workflow state asks of someone: a status view lists its open asks as `asks` (the
 * "Next:" line is made from them). `key` names the ask (a new key is a new request); `who` are
 * the Gitea handles (logins, `org/team`) to notify; `text` is the bot's own sentence of what to
 * type (no user text in it).
 */
export const askSchema = z.object({
  key: z.string(),
  who: z.array(z.string()),
  /** Who acts, in words, when there is no handle to mention ("a maintainer" with none configured). */
  role: z.string(),
  text: z.string(),
});
export type Ask = z.output<typeof askSchema>;

const asksSchema = z.array(askSchema).catch([]);

/** The asks of a status view; none when it lists none. */
export const asksOf = (view: Record<string, unknown>): Ask[] => asksSchema.parse(view.asks ?? []);

const actor = (ask: Ask) => (ask.who.length > 0 ? ask.who.map((h) => `@${h}`).join(' ') : ask.role);

/**
 * The "Next:" line of a status comment: each ask with who acts, by handle or else in words (a
 * mention in an edited comment notifies nobody; the ask's own comment does). Several asks: a list.
 */
export const nextLine = (asks: readonly Ask[]) =>
  asks.length === 1
    ? `${actor(asks[0] as Ask)}: ${asks[0]?.text}`
    : asks.map((ask) => `\n- ${actor(ask)}: ${ask.text}`).join('');

/**
 * Gitea notifies nobody of an edited comment, so a transition that asks something new posts one
 * short comment mentioning whom it asks (the status comment stays the record). Asks already open
 * before, the person who just acted, and (on the status comment's creation) whoever it mentions
 * already, are left out; nothing is posted when nobody is left.
 */
export function askNote(input: {
  before: readonly Ask[];
  after: readonly Ask[];
  actor: string;
  version: number;
  /** The status comment when it is being created: its mentions notify already. */
  createdStatus?: string;
}): Effect | undefined {
  const open = new Set(input.before.map((ask) => ask.key));
  const mentioned = (handle: string) =>
    input.createdStatus !== undefined &&
    new RegExp(`@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-])`, 'i').test(input.createdStatus);
  const lines = input.after
    .filter((ask) => !open.has(ask.key))
    .map((ask) => ({
      ...ask,
      who: ask.who.filter((h) => h.toLowerCase() !== input.actor.toLowerCase() && !mentioned(h)),
    }))
    .filter((ask) => ask.who.length > 0)
    .map((ask) => `${ask.who.map((h) => `@${h}`).join(' ')}: ${ask.text}`);
  if (lines.length === 0) return undefined;
  return { type: 'postNote', key: `asks-${input.version}`, body: lines.join('\n\n') };
}
