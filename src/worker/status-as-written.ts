import type { Redis } from 'ioredis';
import { type GiteaClient, notFoundAs, repoRef } from '../gitea/client.js';
import { bodyDigest } from '../gitea/writer.js';
import { createWrittenStore } from '../store/written.js';

/**
 * Whether a workflow's status comment in an issue reads as the bot last wrote it: its body's
 * SHA-256 against those the writer recorded (src/gitea/writer.ts upsertStatusComment). One GET
 * of the comment. Gitea lets anyone with write access edit anyone's comment (routers/api/v1/repo/
 * issue_comment.go editIssueComment: the poster or CanWriteIssuesOrPulls), the bot's included, and
 * the marker's MAC covers only the marker: the table maintainers approve could show other amounts.
 * True when nothing was recorded to compare (written before digests were kept, or after a
 * rebuild); false when the comment is gone (404). Throws what Gitea throws otherwise.
 */
export function createStatusCheck(gitea: Pick<GiteaClient, 'comment'>, redis: Redis) {
  const written = createWrittenStore(redis);
  return async (repo: string, issue: number, workflow: string): Promise<boolean> => {
    const ref = { repo: repoRef(repo), issue };
    const [id, digests] = await Promise.all([
      written.statusComment(ref, workflow),
      written.statusDigests(ref, workflow),
    ]);
    if (!id || digests.length === 0) return true;
    const comment = await notFoundAs(gitea.comment(repoRef(repo), id), null);
    return comment != null && digests.includes(bodyDigest(comment.body ?? ''));
  };
}
