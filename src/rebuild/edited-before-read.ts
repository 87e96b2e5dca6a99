import type { Comment } from 'gitea-js';
import { EDITED_SEAL } from '../commands/edited.js';
import type { MarkerSeal } from '../domain/text/marker.js';
import { toIso } from '../domain/time/instant.js';
import { ANSWER_MARKER } from '../engine/effects.js';
import type { BotEvent } from '../gitea/event.js';

/**
 * The comments of one issue (`place`, `owner/repo#N`) the live bot answered as edited before it
 * read them (src/commands/edited.ts), not run: id → when Gitea has them edited (ISO). Told by the
 * word the bot signs into its reply (ANSWER_MARKER `<id> edited@<line>`, src/commands/sealed-answers.ts),
 * never by the reply's text: anyone with write access may edit it, and a writer who planted a
 * command in someone's comment could then take the answer out and have rebuild run it. Rebuild
 * reads every comment as it is now, after the edit, so without this it would run as its writer's
 * what someone else may have written in (Gitea lets any writer edit anyone's comment).
 */
export function editedBeforeRead(
  comments: readonly Comment[],
  botLogin: string,
  seal: MarkerSeal,
  place: string,
): Map<number, string> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const edited = new Map<number, string>();
  for (const reply of comments) {
    if (reply.user?.login?.toLowerCase() !== botLogin.toLowerCase()) continue;
    for (const payload of seal.read(reply.body ?? '', ANSWER_MARKER, place)) {
      const [id, word] = payload.split(' ');
      if (!word?.startsWith(`${EDITED_SEAL}@`)) continue;
      const comment = byId.get(Number(id));
      if (!comment?.id) continue;
      edited.set(comment.id, toIso(comment.updated_at ?? comment.created_at ?? reply.created_at ?? ''));
    }
  }
  return edited;
}

/** A history event of such a comment: edited (`comment.editedAt`), so answered again as live, not run. */
export function asEditedBeforeRead(event: BotEvent, edited: ReadonlyMap<number, string>): BotEvent {
  const editedAt = event.comment && edited.get(event.comment.id);
  return editedAt && event.comment ? { ...event, comment: { ...event.comment, editedAt } } : event;
}
