import type { Context, Next } from 'hono';

/**
 * Refuses a body over `maxBytes` from its Content-Length, before reading it (Node's HTTP parser
 * holds a body to its declared length). Gitea always declares it; a body without one gets 411.
 * Cheaper than reading through hono's body-limit stream on every delivery.
 */
export function contentLengthLimit(maxBytes: number, onRefused: (c: Context, status: 411 | 413) => Response) {
  return async (c: Context, next: Next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined) return onRefused(c, 411);
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0 || length > maxBytes) return onRefused(c, 413);
    await next();
  };
}
