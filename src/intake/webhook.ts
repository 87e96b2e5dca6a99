import type { Context } from 'hono';
import type { Logger } from 'pino';
import { webhookDeliveryId } from '../gitea/event.js';
import { normalizeDelivery } from '../gitea/normalize.js';
import type { Metrics } from '../metrics.js';
import { type AdmitDeps, createAdmit } from './admit.js';
import type { DeliveryNoteTaker } from './delivery-notes.js';
import { hookSecret, verifySignature } from './signature.js';

export type WebhookDeps = AdmitDeps & {
  secret: string;
  /** Notes the last verified / refused delivery per repository, in memory (see delivery-notes.ts). */
  notes?: DeliveryNoteTaker;
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
 * request's (any object with a case-insensitive `get`), `body` its raw bytes (the signature is
 * over them). Nothing slow happens here: one HMAC, one JSON parse and (for a relevant delivery)
 * one shared Redis write; an irrelevant delivery writes nothing to Redis (an issue change's time is
 * kept in memory and rides with the next accepted delivery: AdmitDeps.issueChanges), but for a
 * change of an issue whose comment delivery was accepted, written at once.
 */
export function createWebhookProcessor(deps: WebhookDeps) {
  const admit = createAdmit(deps);
  return (headers: Pick<Headers, 'get'>, body: Buffer) => processWebhook(deps, admit, headers, body);
}

async function processWebhook(
  deps: WebhookDeps,
  admit: ReturnType<typeof createAdmit>,
  headers: Pick<Headers, 'get'>,
  body: Buffer,
): Promise<WebhookAnswer> {
  const deliveryId = webhookDeliveryId(
    headers.get('x-gitea-delivery') ?? headers.get('x-github-delivery') ?? '',
  );
  const eventType = headers.get('x-gitea-event-type') ?? headers.get('x-gitea-event') ?? '';
  const answer = (status: WebhookAnswer['status'], outcome: string, extra: object = {}): WebhookAnswer => {
    deps.metrics.webhooks.inc({ event: eventType || 'unknown', outcome });
    // Every delivery is counted in the metrics; a log line each (a write to stdout) only when asked.
    if (status < 300) deps.log.debug({ deliveryId, eventType, status, outcome }, 'webhook answered');
    else deps.log.info({ deliveryId, eventType, status, outcome }, 'webhook answered');
    return status === 204 ? { status } : { status, body: { outcome, deliveryId, ...extra } };
  };

  // Gitea's form content type sends `payload=<urlencoded JSON>` but signs the JSON itself.
  if ((headers.get('content-type') ?? '').toLowerCase().startsWith(FORM)) {
    return answer(415, 'form-content-type', {
      error: `this webhook sends ${FORM}; edit it in Gitea and set "POST Content Type" to application/json`,
    });
  }
  const note = (repo: string | undefined, outcome: 'verified' | 'rejected') => {
    if (repo) deps.notes?.note(repo, outcome, deliveryId, eventType);
  };
  // Parsed before the signature is checked: the repository it names says which hook secret signs it.
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return answer(400, 'not-json', { error: 'the body is not JSON' });
  }
  const repo = repoOf(payload);
  if (!verifySignature(hookSecret(deps.secret, repo ?? ''), body, headers)) {
    note(repo, 'rejected');
    return answer(401, 'bad-signature', {
      error:
        "missing or invalid X-Gitea-Signature / X-Hub-Signature-256: each repository's webhook has its own secret, set by `operator-bot init --repo OWNER/NAME`",
    });
  }
  note(repo, 'verified');
  const normalized = normalizeDelivery(eventType, payload, deliveryId, 'light');
  if (normalized.outcome === 'unsupported') return answer(204, 'ignored');
  if (normalized.outcome === 'invalid') return answer(400, 'invalid', { error: normalized.reason });
  try {
    const admitted = await admit(normalized.event, normalized.dedupeKey, { eventType, deliveryId, body });
    if (admitted === 'own-event' || admitted === 'irrelevant') return answer(204, admitted);
    if (admitted === 'duplicate') return answer(200, 'duplicate');
    deps.notes?.wrote();
    return answer(202, 'queued');
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
    const { status, body } = await process(c.req.raw.headers, Buffer.from(await c.req.arrayBuffer()));
    return body ? c.json(body, status as Exclude<WebhookAnswer['status'], 204>) : c.body(null, 204);
  };
}
