import { type RetryPolicy, withRetry } from '../gitea/retry.js';

export type Channel = 'discord' | 'telegram';

export type SendOptions = {
  /** Per attempt (`AbortSignal.timeout`); default 10 s. */
  timeoutMs?: number;
  /** Shared backoff of `withRetry`; transient failures (network, timeout, 5xx, 408, 429) are retried. */
  retry?: RetryPolicy;
};

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 };

const CHANNEL_NAME: Record<Channel, string> = { discord: 'Discord', telegram: 'Telegram' };

/** A notification that could not be delivered. Its message is already redacted; it carries no cause. */
export class NotifyError extends Error {
  override name = 'NotifyError';
  constructor(
    readonly channel: Channel,
    /** Why, redacted, e.g. `HTTP 403: Missing Permissions (code 50013)`. */
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`${CHANNEL_NAME[channel]} notification failed: ${reason}`);
  }
}

/** A channel answered with a failure. Never leaves `deliver`. */
export class HttpFailure extends Error {
  override name = 'HttpFailure';
  constructor(
    readonly status: number,
    detail: string,
    /** As a `Retry-After` value: seconds (fractions allowed) or an HTTP date. */
    readonly retryAfter?: string,
  ) {
    super(detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`);
  }

  /** What `withRetry` understands: `statusOf` reads the status, `retryAfterMs` the header of a `Response`. */
  toRetrySignal(): Response {
    const headers = this.retryAfter === undefined ? undefined : { 'retry-after': this.retryAfter };
    return new Response(null, { status: this.status, headers });
  }
}

/**
 * Runs `attempt` under the shared backoff, each try with its own timeout. Throws a `NotifyError`
 * whose text went through `redact` and which holds nothing else of the failure (no cause, no URL).
 */
export async function deliver(
  channel: Channel,
  options: SendOptions,
  redact: (text: string) => string,
  attempt: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let attempts = 0;
  let last: unknown;
  try {
    await withRetry(options.retry ?? DEFAULT_RETRY, async () => {
      attempts++;
      try {
        await attempt(AbortSignal.timeout(timeoutMs));
      } catch (error) {
        last = error;
        throw error instanceof HttpFailure ? error.toRetrySignal() : error;
      }
    });
  } catch (error) {
    const reason = describe(last ?? error, timeoutMs);
    throw new NotifyError(
      channel,
      redact(attempts > 1 ? `${reason} (after ${attempts} attempts)` : reason),
      attempts,
    );
  }
}

/** POSTs `payload` as JSON with the global fetch (looked up now, so test interceptors see it). */
export function postJson(url: URL, payload: unknown, signal: AbortSignal): Promise<Response> {
  return globalThis.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
    signal,
  });
}

/** The body as JSON, or undefined; the raw text for messages. Bounded by the attempt's signal. */
export async function readBody(response: Response): Promise<{ json: unknown; text: string }> {
  const text = await response.text();
  try {
    return { json: JSON.parse(text) as unknown, text };
  } catch {
    return { json: undefined, text };
  }
}

/** A short, single-line excerpt of an unexpected body for an error message. */
export const excerpt = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof HttpFailure) return error.message;
  if (error instanceof Response) return `HTTP ${error.status}`;
  if (typeof error === 'object' && error !== null) {
    const { name, message, cause } = error as { name?: unknown; message?: unknown; cause?: unknown };
    if (name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
    if (name === 'AbortError') return 'aborted';
    const text = typeof message === 'string' && message ? message : String(name ?? 'unknown error');
    const inner = cause instanceof Error ? [cause.message, (cause as { code?: unknown }).code] : [];
    const detail = inner.filter((part) => typeof part === 'string' && part && !text.includes(part));
    return detail.length > 0 ? `${text} (${detail.join(', ')})` : text;
  }
  return String(error);
}

/**
 * Replaces every occurrence of the secrets (raw and URL-encoded) with `[redacted]`, then anything
 * shaped like a Telegram bot token or a Discord webhook token, whoever's it is.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const needles = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((needle) => needle.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of needles) out = out.split(needle).join('[redacted]');
    return out
      .replace(/bot\d+(?::|%3A)[\w-]+/gi, 'bot[redacted]')
      .replace(/(\/webhooks\/\d+\/)[\w.-]+/g, '$1[redacted]');
  };
}
