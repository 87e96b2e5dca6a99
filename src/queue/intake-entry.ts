import { type BotEvent, webhookDeliveryId } from '../gitea/event.js';
import { normalizeDelivery } from '../gitea/normalize.js';

/**
 * A webhook delivery as Gitea sent it: `X-Gitea-Event-Type`, `X-Gitea-Delivery` (may be empty)
 * and the body's bytes, exactly as signed.
 */
export type RawDelivery = { eventType: string; deliveryId: string; body: Buffer };

/**
 * The intake stream entry of one accepted event, as `[name, value, …]` pairs
 * (ENTRY_PAIRS of them, so that one script appends any mix of entries):
 * - a webhook delivery: `job` (its job id), `type`, `delivery` and `payload`, the body's bytes
 *   as received. The intake only parses what its filter needs and never serialises an event: the
 *   bytes go to Redis as they are (a Buffer is copied into the socket, a string of the same size
 *   is UTF-8 encoded, ~9% of the intake's CPU), and the mover builds the event.
 * - an event the catch-up found in the API: `job`, `shell` (the event as JSON without the issue's
 *   and the comment's text) and those two texts as fields of their own, `issue-body` and
 *   `comment-body` (JSON.stringify of a text with line breaks escapes it; a field is written as it is).
 * Entries written before the shell split (`event`: the whole event) are read as they are. The shell
 * and the payload have field names of their own so that an older mover drops such an entry, saying
 * so, instead of acting on an event it cannot read whole (upgrade workers first).
 */
export const ENTRY_PAIRS = 4;

export type EntryPairs = [string, string | Buffer, string, string | Buffer, string, string, string, string];

/** The pairs of a webhook delivery (see above). */
export function deliveryEntry(jobId: string, delivery: RawDelivery): EntryPairs {
  return [
    'job',
    jobId,
    'payload',
    delivery.body,
    'type',
    delivery.eventType,
    'delivery',
    delivery.deliveryId,
  ];
}

/** The pairs of an event read from the API (see above). */
export function eventEntry(jobId: string, event: BotEvent): EntryPairs {
  const { issue, comment } = event;
  const shell: BotEvent = {
    ...event,
    issue: { ...issue, body: '' },
    ...(comment ? { comment: { ...comment, body: '' } } : {}),
  };
  return [
    'job',
    jobId,
    'shell',
    JSON.stringify(shell),
    'issue-body',
    issue.body,
    'comment-body',
    comment?.body ?? '',
  ];
}

/**
 * The event of an entry's fields (`[name, value, name, value…]` as XREADGROUP returns them): a
 * delivery's payload is normalised as the intake did (gitea/normalize.ts, `light`), an event's
 * texts are put back. `event` is undefined when the entry holds no event, and `problem` then says
 * why. Not validated: the caller parses it (botEventSchema).
 */
export function entryEvent(fields: readonly string[]): { job?: string; event: unknown; problem?: string } {
  const job = field(fields, 'job');
  const payload = field(fields, 'payload');
  if (payload !== undefined) return { job, ...deliveryEvent(payload, fields) };
  const shellJson = field(fields, 'shell');
  let event: unknown;
  try {
    event = JSON.parse(shellJson ?? field(fields, 'event') ?? '');
  } catch {
    return { job, event: undefined, problem: 'the entry holds no event JSON' };
  }
  if (shellJson === undefined) return { job, event };
  const issueBody = field(fields, 'issue-body');
  const commentBody = field(fields, 'comment-body');
  const shell = event as { issue?: { body?: unknown }; comment?: { body?: unknown } } | null;
  if (issueBody !== undefined && shell?.issue && typeof shell.issue === 'object')
    shell.issue.body = issueBody;
  if (commentBody !== undefined && shell?.comment && typeof shell.comment === 'object')
    shell.comment.body = commentBody;
  return { job, event };
}

function deliveryEvent(payload: string, fields: readonly string[]): { event: unknown; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { event: undefined, problem: 'the payload is not JSON' };
  }
  const normalized = normalizeDelivery(
    field(fields, 'type') ?? '',
    parsed,
    // (as the intake stored it; one stored before webhookDeliveryId is mapped here)
    webhookDeliveryId(field(fields, 'delivery') ?? ''),
    'light',
  );
  if (normalized.outcome === 'event') return { event: normalized.event };
  return { event: undefined, problem: normalized.reason };
}

function field(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
