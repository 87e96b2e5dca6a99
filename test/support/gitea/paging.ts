import type { Site } from './site.js';

export const DEFAULT_PAGE_SIZE = 30;
/** `[api] MAX_RESPONSE_ITEMS` by default (modules/setting/api.go); a site may set it lower. */
export const MAX_PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/**
 * One page of `all` as routers/api/v1/utils/page.go GetListOptions reads `page` and `limit`:
 * `limit` is capped at the site's MAX_RESPONSE_ITEMS (`maxItems`), so a client asking for 50
 * may get fewer per page and must not take a short page for the last.
 */
export function paginate<T>(all: T[], query: URLSearchParams, maxItems = MAX_PAGE_SIZE): Page<T> {
  const requestedPage = Number.parseInt(query.get('page') ?? '', 10);
  const requestedLimit = Number.parseInt(query.get('limit') ?? '', 10);
  const page = requestedPage > 0 ? requestedPage : 1;
  const limit =
    requestedLimit > 0 ? Math.min(requestedLimit, maxItems) : Math.min(DEFAULT_PAGE_SIZE, maxItems);
  return { items: all.slice((page - 1) * limit, page * limit), total: all.length, page, limit };
}

function pageUrl(site: Site, url: URL, page: number): string {
  const query = new URLSearchParams(url.searchParams);
  query.set('page', String(page));
  query.sort();
  return `${site.appUrl}${url.pathname.slice(1)}?${query}`;
}

export function linkHeader(site: Site, url: URL, page: Page<unknown>): string | undefined {
  const lastPage = Math.max(1, Math.ceil(page.total / page.limit));
  const links: string[] = [];
  if (page.page < lastPage) links.push(`<${pageUrl(site, url, page.page + 1)}>; rel="next"`);
  if (page.page !== lastPage) links.push(`<${pageUrl(site, url, lastPage)}>; rel="last"`);
  if (page.page !== 1) links.push(`<${pageUrl(site, url, 1)}>; rel="first"`);
  if (page.page > 1) links.push(`<${pageUrl(site, url, page.page - 1)}>; rel="prev"`);
  return links.length > 0 ? links.join(',') : undefined;
}

export function pagingHeaders(
  site: Site,
  url: URL,
  page: Page<unknown>,
  withLink: boolean,
): Record<string, string> {
  const link = withLink ? linkHeader(site, url, page) : undefined;
  return {
    'X-Total-Count': String(page.total),
    ...(link ? { Link: link } : {}),
    'Access-Control-Expose-Headers': link ? 'X-Total-Count, Link' : 'X-Total-Count',
  };
}

/**
 * Gitea's `since`/`before` filters (context.GetQueryBeforeSince → `updated_unix >= since.Unix()`,
 * `< before.Unix()`): whole seconds, `since` inclusive.
 */
export function inUpdateWindow(query: URLSearchParams): (updated: string) => boolean {
  const seconds = (time: string) => Math.floor(Date.parse(time) / 1000);
  const since = query.get('since');
  const before = query.get('before');
  return (updated) =>
    (!since || seconds(updated) >= seconds(since)) && (!before || seconds(updated) < seconds(before));
}
