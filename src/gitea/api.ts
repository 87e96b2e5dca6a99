import { giteaApi } from 'gitea-js';
import type { Metrics } from '../metrics.js';
import { isAnsweredTransient, isTransient, type RetryPolicy, statusOf, withRetry } from './retry.js';

export class GiteaError extends Error {
  override name = 'GiteaError';
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`Gitea ${operation} failed${status ? ` with HTTP ${status}` : ''}: ${detail}`);
  }
}

export type GiteaClientOptions = {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  metrics?: Metrics;
};

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * gitea-js bound to the bot's token, with a timeout on every request, counted in the metrics,
 * and `call`: retried on 5xx/429/timeouts (creations only when Gitea answered), errors as GiteaError.
 */
export function createGiteaApi(options: GiteaClientOptions) {
  const retry = options.retry ?? DEFAULT_RETRY;
  // Looked up per call (not captured) so test interceptors of globalThis.fetch see every request.
  const timedFetch: typeof fetch = (input, init) => {
    const method = init?.method ?? 'GET';
    return globalThis.fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }).then(
      (response) => {
        options.metrics?.giteaCalls.inc({ method, status: String(response.status) });
        return response;
      },
      (error: unknown) => {
        options.metrics?.giteaCalls.inc({ method, status: '0' });
        throw error;
      },
    );
  };
  const api = giteaApi(options.baseUrl, { token: options.token, customFetch: timedFetch });

  async function call<T>(
    operation: string,
    request: () => Promise<{ data: T }>,
    creates = false,
  ): Promise<T> {
    try {
      return (await withRetry(retry, request, creates ? isAnsweredTransient : isTransient)).data;
    } catch (error) {
      throw toGiteaError(operation, error);
    }
  }

  return { api, call, timedFetch };
}

function toGiteaError(operation: string, error: unknown): GiteaError {
  if (error instanceof GiteaError) return error;
  const status = statusOf(error);
  const body = (error as { error?: { message?: string } } | undefined)?.error;
  const detail = body?.message ?? (error instanceof Error ? error.message : 'no answer');
  return new GiteaError(operation, status, detail);
}
