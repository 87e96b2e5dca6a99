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

/** What the webhook answers: an HTTP status and, except for 204, a JSON body with the outcome. */
export type WebhookAnswer = {
  status: 200 | 202 | 204 | 400 | 401 | 415 | 503;
  body?: Record<string, unknown>;
};

const FORM = 'application/x-www-form-urlencoded';

/**
 * One delivery, framework-free: verify, parse, filter, dedupe, enqueue. `headers` are the
 * request's (any object with a case-insensitive `get`), `body` its raw text. Nothing slow happens
 * here: one HMAC, one JSON parse and (for a relevant delivery) one shared Redis write.
 */
export function createWebhookProcessor(deps: WebhookDeps) {
  const admit = createAdmit(deps);
  return (headers: Pick<Headers, 'get'>, body: string) => processWebhook(deps, admit, headers, body);
}

async function processWebhook(
  deps: WebhookDeps,
  admit: ReturnType<typeof createAdmit>,
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

  // Gitea's form content type sends `payload=<urlencoded JSON>` but signs the JSON itself.
  if ((headers.get('content-type') ?? '').toLowerCase().startsWith(FORM)) {
    return answer(415, 'form-content-type', {
      error: `this webhook sends ${FORM}; edit it in Gitea and set "POST Content Type" to application/json`,
    });
  }
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
  try {
    const admitted = await admit(normalized.event, normalized.dedupeKey);
    if (admitted === 'own-event' || admitted === 'irrelevant') return answer(204, admitted);
    return admitted === 'duplicate' ? answer(200, 'duplicate') : answer(202, 'queued');
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
  const process = createWebhookProcessor(deps);
  return async (c: Context) => {
    const { status, body } = await process(c.req.raw.headers, await c.req.text());
    return body ? c.json(body, status as Exclude<WebhookAnswer['status'], 204>) : c.body(null, 204);
  };
}
