import type { Redis } from 'ioredis';
import type { MarkerSeal } from '../domain/text/marker.js';
import { addMs } from '../domain/time/instant.js';
import { type GiteaClient, notFoundAs, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { bodyDigest } from '../gitea/writer.js';
import { createWrittenStore } from '../store/written.js';
import { APPROVAL_SEALS } from '../workflows/payroll/approval-answers.js';
import type { StatusSeen } from '../workflows/payroll/facts.js';
import { createSignedAnswers } from './signed-answers.js';

/**
 * Whether a workflow's status comment in an issue reads as the bot last wrote it: its body's
 * SHA-256 against those the writer recorded (src/gitea/writer.ts upsertStatusComment). One GET
 * of the comment. Gitea lets anyone with write access edit anyone's comment (routers/api/v1/repo/
 * issue_comment.go editIssueComment: the poster or CanWriteIssuesOrPulls), the bot's included, and
 * the marker's MAC covers only the marker: the table maintainers approve could show other amounts.
 * True when nothing was recorded to compare (written before digests were kept, or after a
 * rebuild); false when the comment is gone (404). Throws what Gitea throws otherwise.
 */
function createStatusCheck(gitea: Pick<GiteaClient, 'comment'>, redis: Redis) {
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

/**
 * StatusSeen for `event`'s comment and `version` (the instance version whose write first showed
 * what is approved). Live (`readsGitea`): the status comment read back (createStatusCheck) and the
 * Gitea time of that write, as the writer recorded it (src/store/written.ts statusShownSince).
 * Otherwise (rebuild, `replay`): as the live bot answered the comment, from its signed reply; a
 * comment it said was written before the table was shown gets a `shownAt` one second after it
 * (only the words it signed into the reply count: signed-answers.ts).
 */
export function createStatusSeen(deps: {
  gitea: Pick<GiteaClient, 'comment' | 'listComments'>;
  redis: Redis;
  seal: MarkerSeal;
  botLogin: string;
  readsGitea: boolean;
}) {
  const asWritten = createStatusCheck(deps.gitea, deps.redis);
  const written = createWrittenStore(deps.redis);
  const signed = createSignedAnswers(deps);
  const asAnswered = async (event: BotEvent): Promise<StatusSeen> => {
    const words = new Set((await signed(event)).map(({ word }) => word));
    const said = (word: string) => words.has(word);
    return {
      edited: said(APPROVAL_SEALS.edited),
      ...(said(APPROVAL_SEALS.changedAfter) ? { shownAt: addMs(event.at, 1_000) } : {}),
    };
  };
  return async (event: BotEvent, workflow: string, version: number | undefined): Promise<StatusSeen> => {
    if (!deps.readsGitea) return asAnswered(event);
    const ref = { repo: repoRef(event.repo), issue: event.issue.number };
    const [same, shownAt] = await Promise.all([
      asWritten(event.repo, event.issue.number, workflow),
      version === undefined ? undefined : written.statusShownSince(ref, workflow, version),
    ]);
    return { edited: !same, ...(shownAt ? { shownAt } : {}) };
  };
}
