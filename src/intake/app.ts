import { Hono } from 'hono';
import type { Metrics } from '../metrics.js';
import type { DeliveryNotes } from '../store/last-deliveries.js';
import { contentLengthLimit, refusedBody } from './body-limit.js';
import { type DeliveryNoteBook, mergeDeliveryNotes } from './delivery-notes.js';
import { type WebhookDeps, webhookHandler } from './webhook.js';

/**
 * Each check's outcome; for a failing one that can say why, the reason and the fix (by check);
 * and details shown beside them (the last webhook delivery per repository).
 */
export type Readiness = () => Promise<{
  checks: Record<string, boolean>;
  problems?: Record<string, string>;
  details?: Record<string, unknown>;
}>;

export type IntakeDeps = WebhookDeps & {
  maxBodyBytes: number;
  readiness: Readiness;
  metrics: Metrics;
  /** This process's delivery notes, shown in /readyz over the stored ones (`webhooks`). */
  notes?: DeliveryNoteBook;
};

export const WEBHOOK_PATH = '/webhooks/gitea';

export function createIntakeApp(deps: IntakeDeps) {
  const app = new Hono();
  app.post(
    WEBHOOK_PATH,
    contentLengthLimit(deps.maxBodyBytes, (c, status) =>
      c.json(
        refusedBody(deps.metrics, c.req.header('x-gitea-event-type'), status, deps.maxBodyBytes),
        status,
      ),
    ),
    webhookHandler(deps),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { checks, problems, details } = await deps.readiness();
    const ready = Object.values(checks).every(Boolean);
    const stored = (details?.webhooks ?? {}) as DeliveryNotes;
    const body = {
      status: ready ? 'ready' : 'not ready',
      checks,
      ...(problems ? { problems } : {}),
      ...details,
      ...(deps.notes ? { webhooks: mergeDeliveryNotes(stored, deps.notes.snapshot()) } : {}),
    };
    return c.json(body, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) =>
    c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType }),
  );
  return app;
}
