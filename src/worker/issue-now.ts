import type { Redis } from 'ioredis';
import { repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { createIntakePresence } from '../store/intake-presence.js';
import { createIssueChanged } from '../store/issue-changed.js';
import { createWrittenStore } from '../store/written.js';

/**
 * How long after a comment was written (Gitea's time) its delivery's copy of the issue is trusted
 * without a read, in ms. Gitea sends a delivery as the comment is saved (a queue, normally well
 * under a second); a comment handled later than this was delivered late (a Replay, Gitea's
 * queue) or waited for a worker, and a change made since may be known only to the memory of an
 * intake process that dropped it (src/intake/issue-change-notes.ts: several `serve --no-worker`
 * behind a load balancer, a process killed before its stop). Compares the bot's clock to Gitea's.
 */
export const AS_OF_TRUSTED_MS = 5_000;

/**
 * Whether an event's issue fields must be read from Gitea before it is decided (handle-event.ts).
 * Read: every event but those below (a delivery is a hint). Not read: internal events and pull
 * updates (they say what they are about), and a comment delivery (`asOfComment`), whose fields
 * are the issue as Gitea had it when the comment was saved (services/webhook/notifier.go
 * CreateIssueComment): in event order every change people made since comes as a later event.
 * Exceptions, read all the same:
 * - a comment handled more than AS_OF_TRUSTED_MS after it was written;
 * - an issue the bot ever closed or reopened (src/store/written.ts markStateSet): its own change
 *   comes as no event it acts on;
 * - an issue the intake was told changed in the comment's second or later
 *   (src/store/issue-changed.ts): Gitea sends deliveries from up to 10 workers at once
 *   (modules/setting/queue.go MaxWorkers) and a failed one only when a person presses Replay, so
 *   that change may have been handled on the issue read from Gitea before this comment arrived;
 * - a pull request: its label, assignee and state changes come as event types the bot does not
 *   take in (services/webhook/notifier.go: pull_request_label, pull_request_assign, pull_request
 *   closed), so no change of it is ever noted;
 * - while more than one intake process runs (src/store/intake-presence.ts): each keeps the changes
 *   it drops in its own memory until its next accepted delivery, so the one that accepted the
 *   comment may not know of a change another dropped. One process, or none left (each stopped
 *   after writing what it kept, or was killed longer ago than a trusted comment can be old),
 *   leaves every change the intake was told of in Redis or in the comment's own accept write.
 */
export function createIssueNow(redis: Redis) {
  const written = createWrittenStore(redis);
  const changed = createIssueChanged(redis);
  const intakes = createIntakePresence(redis);
  return async function needsRead(event: BotEvent): Promise<boolean> {
    if (event.internal || event.kind === 'pull.updated') return false;
    if (!event.asOfComment || event.issue.isPull) return true;
    if (!(Date.now() - Date.parse(event.at) <= AS_OF_TRUSTED_MS)) return true;
    const [stateSet, changedSince, running] = await Promise.all([
      written.stateWasSet({ repo: repoRef(event.repo), issue: event.issue.number }),
      changed.since(event.repo, event.issue.number, event.at),
      intakes.running(),
    ]);
    return stateSet || changedSince || running > 1;
  };
}
