import type { Ping } from '../domain/standards/ping.js';
import { answerOf, missedPingNote } from '../domain/standards/ping-answer.js';
import { type BotEvent, followUpOf } from '../gitea/event.js';
import type { IssueWriter } from '../gitea/writer.js';
import { issueKey } from '../store/keys.js';
import type { PingStore } from '../store/pings.js';
import type { DelayedEvent } from './delayed-event.js';

/** Timer events of pings carry this as their workflow. */
export const PING_TIMER = 'ping';

/** The durable deadline of a ping: a timer job due when the answer is. */
export function pingDeadline(ping: Ping, cause: BotEvent): DelayedEvent {
  const event: BotEvent = {
    kind: 'timer.fired',
    repo: cause.repo,
    issue: cause.issue,
    actor: 'operator-bot',
    at: ping.dueAt,
    timer: { workflow: PING_TIMER, name: String(ping.id), forState: 'open', forVersion: 0 },
    ...followUpOf(cause),
  };
  return { event, dueAt: ping.dueAt, jobId: `ping-${ping.id}` };
}

/**
 * Any comment of a pinged operator in the issue answers the ping; the response time is kept.
 * `beforeWrite`: awaited before an answer is recorded (issue-exists.ts: the issue still exists).
 */
export async function answerPings(
  pings: PingStore,
  event: BotEvent,
  beforeWrite: () => Promise<void> = async () => undefined,
): Promise<void> {
  for (const ping of await pings.waitingIn(issueKey(event.repo, event.issue.number))) {
    const answered = answerOf(ping, event.actor, event.at);
    if (!answered) continue;
    await beforeWrite();
    await pings.close(answered);
  }
}

/** A ping not answered by its deadline is counted as missed, with one reminder in its issue. */
export async function pingDeadlinePassed(
  pings: PingStore,
  event: BotEvent,
  writer: IssueWriter,
): Promise<void> {
  const ping = await pings.get(Number(event.timer?.name));
  if (!ping) return;
  await pings.close({ ...ping, missed: true });
  await writer.note(`ping-${ping.id}`, missedPingNote(ping));
}
