import { parseCommands } from '../domain/commands/parse.js';
import { NOT_APPLIED_OLDER } from '../domain/commands/written-order.js';
import { echo } from '../domain/text/echo.js';
import type { MarkerSeal } from '../domain/text/marker.js';
import { REPLY_MARKER } from '../engine/effects.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';

/**
 * The body of the bot's reply to `event`'s comment, found among its issue's comments by its signed
 * `reply-<comment id>` marker (a person's text cannot pass for one; the text around the marker is
 * as Gitea has it now). Undefined when there is none, or the comments cannot be read. For `rebuild`
 * (its `listComments` answers from what it read): what the live bot saw of Gitea then (the times
 * it recorded, the order deliveries came in) is not in Gitea's history, but its answer is.
 */
export function createLiveReply(deps: {
  gitea: Pick<GiteaClient, 'listComments'>;
  seal: MarkerSeal;
  botLogin: string;
}) {
  return async (event: BotEvent): Promise<string | undefined> => {
    if (!event.comment) return undefined;
    const place = `${event.repo}#${event.issue.number}`;
    const id = String(event.comment.id);
    const comments = await deps.gitea.listComments(repoRef(event.repo), event.issue.number).catch(() => []);
    return comments.find(
      (c) =>
        c.user?.login?.toLowerCase() === deps.botLogin.toLowerCase() &&
        deps.seal.read(c.body ?? '', REPLY_MARKER, place).includes(id),
    )?.body;
  };
}

export type LiveReply = ReturnType<typeof createLiveReply>;

/**
 * The command lines of `event`'s comment (`CommandLine.raw`) the live bot answered as written
 * before a later command that stands (`NOT_APPLIED_OLDER`, after the line's echo: src/commands/answer.ts).
 */
export function createNotAppliedLive(liveReply: LiveReply) {
  return async (event: BotEvent): Promise<string[]> => {
    const reply = event.comment ? await liveReply(event) : undefined;
    if (!reply?.includes(NOT_APPLIED_OLDER) || !event.comment) return [];
    return parseCommands(event.comment.body)
      .filter((line) => reply.includes(`${echo(line)}: ${NOT_APPLIED_OLDER}`))
      .map((line) => line.raw);
  };
}
