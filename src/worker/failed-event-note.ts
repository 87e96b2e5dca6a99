import { GiteaError, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { createIssueWriter, type WriterDeps } from '../gitea/writer.js';
import { createFailedNoteStore } from '../store/failed-notes.js';
import { PING_TIMER } from './pings.js';

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
      : event.timer?.workflow === PING_TIMER
        ? `the answer deadline of a \`/ping\` in this issue (ping ${event.timer.name})`
        : event.timer
          ? `the \`${event.timer.name}\` deadline of this issue's ${event.timer.workflow}`
          : `this issue's \`${event.kind}\` event`;
  return [
    `⚠️ The bot could not handle ${what}: an error on its side, every retry spent; nothing more was done for it.`,
    `A maintainer can see it with \`operator-bot jobs failed\` and run it again with \`operator-bot jobs retry ${jobId}\`.`,
  ].join(' ');
}

/**
 * Posts failedEventNote in the event's issue, once per job (note key `failed-<jobId>`). When the
 * write fails (Gitea away: why most jobs fail for good) the note is owed (store/failed-notes.ts)
 * and createOwedNotes posts it later; throws what the write threw (the caller logs it).
 */
export function createFailedEventNotifier(writer: WriterDeps) {
  const owed = createFailedNoteStore(writer.redis);
  return async (event: BotEvent, jobId: string): Promise<void> => {
    try {
      await postNote(writer, event, jobId);
    } catch (error) {
      await owed.owe(jobId, event);
      throw error;
    }
  };
}

/**
 * Posts the notes still owed, in Redis's order, of the jobs `stillFailed` says are failed still;
 * one retried since (`operator-bot jobs retry`: done, or running and noted again if it fails for
 * good) or whose issue is gone (404) is dropped. Stops at the first other failure and throws it
 * (Gitea still away: the next run tries again). Run with each catch-up (src/queue/event-worker.ts),
 * every `catchUp.every` and at start.
 */
export function createOwedNotes(writer: WriterDeps) {
  const owed = createFailedNoteStore(writer.redis);
  return async (stillFailed: (jobId: string) => Promise<boolean>): Promise<void> => {
    for (const { jobId, event } of await owed.owed()) {
      try {
        if (await stillFailed(jobId)) await postNote(writer, event, jobId);
      } catch (error) {
        if (!(error instanceof GiteaError && error.status === 404)) throw error;
      }
      await owed.paid(jobId);
    }
  };
}

const postNote = (writer: WriterDeps, event: BotEvent, jobId: string) =>
  createIssueWriter(writer, repoRef(event.repo), event.issue.number).note(
    `failed-${jobId}`,
    failedEventNote(event, jobId),
  );
