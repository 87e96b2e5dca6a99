import { formatUtcSeconds } from '../domain/time/format.js';
import { toIso } from '../domain/time/instant.js';
import { notFoundAs, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { bodyDigest, createIssueWriter, type WriterDeps } from '../gitea/writer.js';
import { createWrittenStore } from '../store/written.js';

/**
 * Undoes a person's edit of one of the bot's status comments: a `comment.edited` event of a
 * comment recorded as a status comment of one of `workflows` in its issue, that Gitea (one GET)
 * has otherwise than the bot wrote it (its SHA-256 among those recorded), is written back with
 * the body the bot last wrote (store/written.ts statusBody) and one note per edit says so.
 * Gitea lets anyone with write access edit anyone's comment (routers/api/v1/repo/issue_comment.go
 * editIssueComment), and maintainers pay from the payroll's table (its wallets, its Safe CSV),
 * approved or not. Nothing in the delivery but the comment id is used, so a forged one does no
 * more than a read. Resolves true when the event was such an edit (handled here), false for any
 * other event; throws what Gitea or Redis throw (the job is retried).
 */
export function createStatusRestorer(writer: WriterDeps, workflows: readonly string[]) {
  const written = createWrittenStore(writer.redis);
  return async (event: BotEvent): Promise<boolean> => {
    if (event.kind !== 'comment.edited' || !event.comment) return false;
    const ref = { repo: repoRef(event.repo), issue: event.issue.number };
    for (const workflow of workflows) {
      if ((await written.statusComment(ref, workflow)) !== event.comment.id) continue;
      const [body, digests] = await Promise.all([
        written.statusBody(ref, workflow),
        written.statusDigests(ref, workflow),
      ]);
      if (body === undefined) return true;
      const now = await notFoundAs(writer.gitea.comment(ref.repo, event.comment.id), null);
      if (!now || digests.includes(bodyDigest(now.body ?? ''))) return true;
      const restored = await writer.gitea.editComment(ref.repo, event.comment.id, body);
      // What was approved while the edit stood was not the bot's table: it is shown again from now.
      if (restored.updated_at) await written.statusShownAgain(ref, workflow, toIso(restored.updated_at));
      const editedAt = toIso(now.updated_at ?? event.at);
      await createIssueWriter(writer, ref.repo, ref.issue).note(
        `status-restored-${workflow}-${Date.parse(editedAt)}`,
        `The bot's status comment is its record of this ${workflow} and changes only with its commands (\`/help\`): an edit of it (${formatUtcSeconds(editedAt)}) was written back as the bot wrote it.`,
      );
      return true;
    }
    return false;
  };
}
