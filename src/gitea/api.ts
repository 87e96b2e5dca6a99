import { giteaApi } from 'gitea-js';
import type { Metrics } from '../metrics.js';
import { collectPages, type PageAnswer, type PagingRule } from './pages.js';
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

/** `request`'s answer, or `fallback` when Gitea answered 404 (gone, or never there); throws any other failure. */
export async function notFoundAs<T, F>(request: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof GiteaError && error.status === 404) return fallback;
    throw error;
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

  /** Like `call`, but the whole answer (headers too), for reads that need a header. */
  async function answer<T>(
    operation: string,
    request: () => Promise<{ data: T; headers: Headers }>,
  ): Promise<{ data: T; headers: Headers }> {
    try {
      return await withRetry(retry, request, isTransient);
    } catch (error) {
      throw toGiteaError(operation, error);
    }
  }

  /** Every page of a list through the one pager (see collectPages for when it stops). */
  function paged<T>(
    operation: string,
    rule: PagingRule,
    request: (page: number) => Promise<{ data: T[] | null; headers: Headers }>,
  ): Promise<T[]> {
    return collectPages<T>(async (page): Promise<PageAnswer<T>> => {
      try {
        const answer = await withRetry(retry, () => request(page), isTransient);
        return { data: answer.data, headers: answer.headers };
      } catch (error) {
        throw toGiteaError(operation, error);
      }
    }, rule);
  }

  return { api, call, answer, paged, timedFetch };
}

function toGiteaError(operation: string, error: unknown): GiteaError {
  if (error instanceof GiteaError) return error;
  const status = statusOf(error);
  const body = (error as { error?: { message?: string } } | undefined)?.error;
  const detail = body?.message ?? (error instanceof Error ? error.message : 'no answer');
  return new GiteaError(operation, status, detail);
}
