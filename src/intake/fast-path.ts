import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { WEBHOOK_PATH } from './app.js';
import { bodyLengthRefusal, refusedBody } from './body-limit.js';
import { createWebhookProcessor, type WebhookAnswer, type WebhookDeps } from './webhook.js';

/**
 * The HTTP listener of the intake: `POST /webhooks/gitea` is answered straight on node:http (no
 * Request/Response objects built per delivery: the webhook is the hot path), everything else
 * (health, readiness, metrics, the dashboard, a webhook at another path) goes to the hono app.
 * Both paths give the same answers (createWebhookProcessor).
 */
export function intakeListener(
  deps: WebhookDeps & { maxBodyBytes: number },
  hono: RequestListener,
): RequestListener {
  const process = createWebhookProcessor(deps);
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== WEBHOOK_PATH) return hono(req, res);
    handle(deps, process, req, res).catch((error) => {
      deps.log.error({ err: error }, 'webhook failed');
      if (!res.headersSent) send(res, 500, { outcome: 'error', error: 'internal error' });
      else res.destroy();
    });
  };
}

async function handle(
  deps: WebhookDeps & { maxBodyBytes: number },
  process: (headers: Pick<Headers, 'get'>, body: Buffer) => Promise<WebhookAnswer>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const headers = { get: (name: string) => header(req, name) };
  const refusal = bodyLengthRefusal(req.headers['content-length'], deps.maxBodyBytes);
  if (refusal) {
    const eventType = header(req, 'x-gitea-event-type') ?? undefined;
    return send(res, refusal, refusedBody(deps.metrics, eventType, refusal, deps.maxBodyBytes));
  }
  const body = await readBody(req);
  const answer = await process(headers, body);
  send(res, answer.status, answer.body);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** The body's bytes as received (the signature is over them). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: object) {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    .end(text);
}
