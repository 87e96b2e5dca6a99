import type { Context, Next } from 'hono';
import type { Metrics } from '../metrics.js';

/**
 * Whether a body declared with this Content-Length must be refused before reading it: 411 without
 * one (Gitea always declares it), 413 over `maxBytes` (Node's HTTP parser holds a body to its
 * declared length, so the declaration is binding). Cheaper than reading through a limiting stream.
 */
export function bodyLengthRefusal(declared: string | undefined, maxBytes: number): 411 | 413 | undefined {
  if (declared === undefined) return 411;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0 || length > maxBytes) return 413;
  return undefined;
}

/** The answer to a refused body (counted in the webhook metrics under its event type). */
export function refusedBody(
  metrics: Metrics,
  eventType: string | undefined,
  status: 411 | 413,
  maxBytes: number,
) {
  const outcome = status === 413 ? 'too-large' : 'no-length';
  metrics.webhooks.inc({ event: eventType ?? 'unknown', outcome });
  const error = status === 413 ? `the body is over ${maxBytes} bytes` : 'a Content-Length header is required';
  return { outcome, error };
}

/** hono middleware: refuses a body by its Content-Length (see bodyLengthRefusal) before reading it. */
export function contentLengthLimit(maxBytes: number, onRefused: (c: Context, status: 411 | 413) => Response) {
  return async (c: Context, next: Next) => {
    const refusal = bodyLengthRefusal(c.req.header('content-length'), maxBytes);
    if (refusal) return onRefused(c, refusal);
    await next();
  };
}
