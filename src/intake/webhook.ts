import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { BotEvent } from '../gitea/event.js';
import { jobIdFor, normalizeDelivery } from '../gitea/normalize.js';
import type { Metrics } from '../metrics.js';
import { claimedRepo } from '../store/webhook-deliveries.js';
import { verifySignature } from './signature.js';

export type Enqueue = (event: BotEvent, jobId: string) => Promise<'queued' | 'duplicate'>;

export type WebhookDeps = {
  secret: string;
  /** The intake's one durable write (src/queue/intake-log.ts `createAcceptDelivery`). */
  enqueue: Enqueue;
  isRelevant: (event: BotEvent) => boolean;
  /** Whether a plain comment may answer a maintainer's `/ping` in its issue (one Redis read). */
  awaitsAnswer?: (event: BotEvent) => Promise<boolean>;
  /** Notes the last verified / refused delivery per repository (see store/webhook-deliveries.ts). */
  noteDelivery?: (
    repo: string,
    outcome: 'verified' | 'rejected',
    deliveryId: string,
    event: string,
  ) => Promise<void>;
  /** The bot's own login once known; its own events are dropped. */
  botLogin: () => string | undefined;
  metrics: Metrics;
  log: Logger;
};

/** What the webhook answers: an HTTP status and, except for 204, a JSON body with the outcome. */
export type WebhookAnswer = { status: 200 | 202 | 204 | 400 | 401 | 503; body?: Record<string, unknown> };

/**
 * One delivery, framework-free: verify, parse, filter, dedupe, enqueue. `headers` are the
 * request's (any object with a case-insensitive `get`), `body` its raw text. Nothing slow happens
 * here: one HMAC, one JSON parse and (for a relevant delivery) one shared Redis write.
 */
export async function processWebhook(
  deps: WebhookDeps,
  headers: Pick<Headers, 'get'>,
  body: string,
): Promise<WebhookAnswer> {
  const deliveryId = headers.get('x-gitea-delivery') ?? headers.get('x-github-delivery') ?? '';
  const eventType = headers.get('x-gitea-event-type') ?? headers.get('x-gitea-event') ?? '';
  const answer = (status: WebhookAnswer['status'], outcome: string, extra: object = {}): WebhookAnswer => {
    deps.metrics.webhooks.inc({ event: eventType || 'unknown', outcome });
    deps.log.info({ deliveryId, eventType, status, outcome }, 'webhook answered');
    return status === 204 ? { status } : { status, body: { outcome, deliveryId, ...extra } };
  };

  const note = (repo: string | undefined, outcome: 'verified' | 'rejected') =>
    repo && deps.noteDelivery
      ? deps.noteDelivery(repo, outcome, deliveryId, eventType).catch((err) => {
          deps.log.warn({ err, deliveryId }, 'could not note the delivery');
        })
      : undefined;
  if (!(await verifySignature(deps.secret, body, headers))) {
    await note(claimedRepo(body), 'rejected');
    return answer(401, 'bad-signature', {
      error: 'missing or invalid X-Gitea-Signature / X-Hub-Signature-256',
    });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return answer(400, 'not-json', { error: 'the body is not JSON' });
  }
  // Not awaited: the note is for /readyz and `init`, never on the delivery's road.
  void note(repoOf(payload), 'verified');
  const normalized = normalizeDelivery(eventType, payload, deliveryId || undefined, 'light');
  if (normalized.outcome === 'unsupported') return answer(204, 'ignored');
  if (normalized.outcome === 'invalid') return answer(400, 'invalid', { error: normalized.reason });
  const { event, dedupeKey } = normalized;
  if (event.actor.toLowerCase() === deps.botLogin()?.toLowerCase()) return answer(204, 'own-event');
  const relevant =
    deps.isRelevant(event) ||
    (event.kind === 'comment.created' && (await deps.awaitsAnswer?.(event).catch(() => true)));
  if (!relevant) return answer(204, 'irrelevant');
  try {
    const result = await deps.enqueue(event, jobIdFor(dedupeKey));
    return result === 'duplicate' ? answer(200, 'duplicate') : answer(202, 'queued');
  } catch (error) {
    deps.log.error({ err: error, deliveryId, eventType }, 'could not enqueue');
    return answer(503, 'unavailable', { error: 'the queue is unavailable; redeliver later' });
  }
}

/** `repository.full_name` of a parsed payload, if it names one. */
function repoOf(payload: unknown): string | undefined {
  const name = (payload as { repository?: { full_name?: unknown } } | null)?.repository?.full_name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

/** POST /webhooks/gitea as a hono handler (the node fast path in fast-path.ts answers the same). */
export function webhookHandler(deps: WebhookDeps) {
  return async (c: Context) => {
    const { status, body } = await processWebhook(deps, c.req.raw.headers, await c.req.text());
    return body ? c.json(body, status as Exclude<WebhookAnswer['status'], 204>) : c.body(null, 204);
  };
}
