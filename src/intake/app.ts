import { Hono } from 'hono';
import type { Metrics } from '../metrics.js';
import { contentLengthLimit } from './body-limit.js';
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

export type IntakeDeps = WebhookDeps & { maxBodyBytes: number; readiness: Readiness; metrics: Metrics };

export function createIntakeApp(deps: IntakeDeps) {
  const app = new Hono();
  app.post(
    '/webhooks/gitea',
    contentLengthLimit(deps.maxBodyBytes, (c, status) => {
      const outcome = status === 413 ? 'too-large' : 'no-length';
      deps.metrics.webhooks.inc({ event: c.req.header('x-gitea-event-type') ?? 'unknown', outcome });
      const error =
        status === 413
          ? `the body is over ${deps.maxBodyBytes} bytes`
          : 'a Content-Length header is required';
      return c.json({ outcome, error }, status);
    }),
    webhookHandler(deps),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { checks, problems, details } = await deps.readiness();
    const ready = Object.values(checks).every(Boolean);
    const body = {
      status: ready ? 'ready' : 'not ready',
      checks,
      ...(problems ? { problems } : {}),
      ...details,
    };
    return c.json(body, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) =>
    c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType }),
  );
  return app;
}
