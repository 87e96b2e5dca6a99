import type { Site } from './site.js';

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A plain-text answer (a pull request's `.diff`). */
  text?: string;
  headers?: Record<string, string>;
}

export function ok(body: unknown, headers?: Record<string, string>): RouteResult {
  return { status: 200, body, headers };
}

export function created(body: unknown): RouteResult {
  return { status: 201, body };
}

export function noContent(): RouteResult {
  return { status: 204 };
}

export function apiError(site: Site, status: number, message: string): RouteResult {
  return { status, body: { message, url: site.swaggerUrl } };
}

export function notFound(site: Site, errors: string[] | null = null): RouteResult {
  return { status: 404, body: { errors, message: "The target couldn't be found.", url: site.swaggerUrl } };
}

export function forbidden(site: Site, message: string): RouteResult {
  return apiError(site, 403, message);
}

export function unprocessable(site: Site, message: string): RouteResult {
  return apiError(site, 422, message);
}

export function writeRequired(site: Site): RouteResult {
  return forbidden(site, 'user should have a permission to write to a repo');
}
