import type { Context } from 'hono';
import type { Logger } from 'pino';
import { normalizeDelivery } from '../gitea/normalize.js';
import type { Metrics } from '../metrics.js';
import { claimedRepo } from '../store/webhook-deliveries.js';
import { type AdmitDeps, createAdmit } from './admit.js';
import { verifySignature } from './signature.js';

export type { Enqueue } from './admit.js';

export type WebhookDeps = AdmitDeps & {
  secret: string;
  /** Notes the last verified / refused delivery per repository (see store/webhook-deliveries.ts). */
  noteDelivery?: (
    repo: string,
    outcome: 'verified' | 'rejected',
    deliveryId: string,
    event: string,
  ) => Promise<void>;
  metrics: Metrics;
  log: Logger;
};

const FORM = 'application/x-www-form-urlencoded';

/** POST /webhooks/gitea: verify, parse, filter, dedupe, enqueue, answer. Nothing slow happens here. */
export function webhookHandler(deps: WebhookDeps) {
  const admit = createAdmit(deps);
  return async (c: Context) => {
    const deliveryId = c.req.header('x-gitea-delivery') ?? c.req.header('x-github-delivery') ?? '';
    const eventType = c.req.header('x-gitea-event-type') ?? c.req.header('x-gitea-event') ?? '';
    const log = deps.log.child({ deliveryId, eventType });
    const answer = (status: 200 | 202 | 204 | 400 | 401 | 415 | 503, outcome: string, extra: object = {}) => {
      deps.metrics.webhooks.inc({ event: eventType || 'unknown', outcome });
      log.info({ status, outcome }, 'webhook answered');
      return status === 204 ? c.body(null, 204) : c.json({ outcome, deliveryId, ...extra }, status);
    };

    // Gitea's form content type sends `payload=<urlencoded JSON>` but signs the JSON itself.
    if ((c.req.header('content-type') ?? '').toLowerCase().startsWith(FORM)) {
      return answer(415, 'form-content-type', {
        error: `this webhook sends ${FORM}; edit it in Gitea and set "POST Content Type" to application/json`,
      });
    }
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
    try {
      const admitted = await admit(normalized.event, normalized.dedupeKey);
      if (admitted === 'own-event' || admitted === 'irrelevant') return answer(204, admitted);
      return admitted === 'duplicate' ? answer(200, 'duplicate') : answer(202, 'queued');
    } catch (error) {
      log.error({ err: error }, 'could not enqueue');
      return answer(503, 'unavailable', { error: 'the queue is unavailable; redeliver later' });
    }
  };
}
