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

/** POST /webhooks/gitea: verify, parse, filter, dedupe, enqueue, answer. Nothing slow happens here. */
export function webhookHandler(deps: WebhookDeps) {
  return async (c: Context) => {
    const deliveryId = c.req.header('x-gitea-delivery') ?? c.req.header('x-github-delivery') ?? '';
    const eventType = c.req.header('x-gitea-event-type') ?? c.req.header('x-gitea-event') ?? '';
    const log = deps.log.child({ deliveryId, eventType });
    const answer = (status: 200 | 202 | 204 | 400 | 401 | 503, outcome: string, extra: object = {}) => {
      deps.metrics.webhooks.inc({ event: eventType || 'unknown', outcome });
      log.info({ status, outcome }, 'webhook answered');
      return status === 204 ? c.body(null, 204) : c.json({ outcome, deliveryId, ...extra }, status);
    };

    const body = await c.req.text();
    const verified = await verifySignature(deps.secret, body, c.req.raw.headers);
    const repo = claimedRepo(body);
    if (repo && deps.noteDelivery) {
      await deps
        .noteDelivery(repo, verified ? 'verified' : 'rejected', deliveryId, eventType)
        .catch((err) => {
          log.warn({ err }, 'could not note the delivery');
        });
    }
    if (!verified) {
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
    const normalized = normalizeDelivery(eventType, payload, deliveryId || undefined);
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
      log.error({ err: error }, 'could not enqueue');
      return answer(503, 'unavailable', { error: 'the queue is unavailable; redeliver later' });
    }
  };
}
