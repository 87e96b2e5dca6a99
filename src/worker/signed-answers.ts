import { parseCommands } from '../domain/commands/parse.js';
import { NOT_APPLIED_OLDER_SEAL, WRITTEN_ORDER_COMMANDS } from '../domain/commands/written-order.js';
import type { MarkerSeal } from '../domain/text/marker.js';
import { ANSWER_MARKER } from '../engine/effects.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';

/** A word the bot signed into its reply to a comment: `word` about the command line at `position` (src/commands/sealed-answers.ts). */
export type SignedAnswer = { word: string; position: number };

/**
 * What the live bot signed into its reply to `event`'s comment (ANSWER_MARKER `<id> <word>@<position>`
 * in its own comments of the issue, verified for the issue): what rebuild replays as it was answered.
 * Never the reply's text: anyone with write access may edit it, and it echoes the commenter's lines.
 * One listing of the issue's comments; none when Gitea does not answer.
 */
export function createSignedAnswers(deps: {
  gitea: Pick<GiteaClient, 'listComments'>;
  seal: MarkerSeal;
  botLogin: string;
}) {
  return async (event: BotEvent): Promise<SignedAnswer[]> => {
    if (!event.comment) return [];
    const place = `${event.repo}#${event.issue.number}`;
    const prefix = `${event.comment.id} `;
    const comments = await deps.gitea.listComments(repoRef(event.repo), event.issue.number).catch(() => []);
    return comments
      .filter((c) => c.user?.login?.toLowerCase() === deps.botLogin.toLowerCase())
      .flatMap((c) => deps.seal.read(c.body ?? '', ANSWER_MARKER, place))
      .filter((payload) => payload.startsWith(prefix))
      .flatMap((payload) => {
        const [, word = '', position = ''] = /^(\S+)@(\d+)$/.exec(payload.slice(prefix.length)) ?? [];
        return word ? [{ word, position: Number(position) }] : [];
      });
  };
}

/**
 * Rebuild's Facts `notAppliedLive` for `event`: the lines (as written) of its comment the live bot
 * answered as written before a later command (src/domain/commands/written-order.ts), from the word
 * it signed into its reply, never from the reply's text (anyone with write access may edit it).
 * Asked of Gitea only for a comment holding one of those commands.
 */
export function createNotAppliedLive(signed: ReturnType<typeof createSignedAnswers>) {
  return async (event: BotEvent): Promise<string[]> => {
    const lines = parseCommands(event.comment?.body ?? '');
    if (!lines.some((line) => WRITTEN_ORDER_COMMANDS.has(line.name))) return [];
    return (await signed(event))
      .filter(({ word }) => word === NOT_APPLIED_OLDER_SEAL)
      .flatMap(({ position }) => (lines[position] ? [lines[position].raw] : []));
  };
}
