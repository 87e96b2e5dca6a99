/** Whether a failed Gitea call is worth another try: no answer, 5xx, 408 or 429. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500 || status === 429 || status === 408;
}

/** gitea-js throws the `Response` itself on non-2xx; anything else (abort, reset) has no status. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof Response || (typeof error === 'object' && error !== null && 'status' in error)
    ? Number((error as { status: unknown }).status)
    : undefined;
}

/** Milliseconds a 429/503 asks us to wait (`Retry-After` seconds or HTTP date), capped. */
export function retryAfterMs(error: unknown, capMs: number): number | undefined {
  const header = error instanceof Response ? error.headers.get('retry-after') : null;
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), capMs) : undefined;
}

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * A failure after which a request that creates something is safe to send again: Gitea answered
 * that it did not do it. After a timeout or a reset we cannot know, so the caller must look
 * before it writes again (the job is retried and the writer finds its marker).
 */
export function isAnsweredTransient(error: unknown): boolean {
  return statusOf(error) !== undefined && isTransient(error);
}

export async function withRetry<T>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  retryable: (error: unknown) => boolean = isTransient,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error)) throw error;
      const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      const jitter = Math.random() * backoff * 0.2;
      await sleep(retryAfterMs(error, policy.maxDelayMs) ?? backoff + jitter);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
