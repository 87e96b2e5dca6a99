import { repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { createIssueWriter, type WriterDeps } from '../gitea/writer.js';

/**
 * What the bot says in an issue when one of its events failed for good (every retry spent,
 * src/queue/event-worker.ts): which event, that nothing more was done for it, and the job id a
 * maintainer retries it with (`operator-bot jobs retry ID`). Without it the person who wrote a
 * command would wait for an answer that never comes. Text the bot wrote only: the error itself
 * stays in the log (it may name hosts or tokens' scopes).
 */
export function failedEventNote(event: Pick<BotEvent, 'kind' | 'comment' | 'timer'>, jobId: string): string {
  const what =
    event.kind === 'comment.created' && event.comment
      ? `[this comment](#issuecomment-${event.comment.id})`
      : event.timer
        ? `the \`${event.timer.name}\` deadline of this issue's ${event.timer.workflow}`
        : `this issue's \`${event.kind}\` event`;
  return [
    `⚠️ The bot could not handle ${what}: an error on its side, every retry spent; nothing more was done for it.`,
    `A maintainer can see it with \`operator-bot jobs failed\` and run it again with \`operator-bot jobs retry ${jobId}\`.`,
  ].join(' ');
}

/**
 * Posts failedEventNote in the event's issue, once per job (note key `failed-<jobId>`). Throws what
 * the write throws (Gitea or Redis away: the caller logs it; the job stays listed as failed).
 */
export function createFailedEventNotifier(writer: WriterDeps) {
  return async (event: BotEvent, jobId: string): Promise<void> => {
    await createIssueWriter(writer, repoRef(event.repo), event.issue.number).note(
      `failed-${jobId}`,
      failedEventNote(event, jobId),
    );
  };
}
