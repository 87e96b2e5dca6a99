import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPages, hasNextLink, type PageAnswer } from '../../../src/gitea/pages.js';

/** A server holding `all`, paging like Gitea: `cap` per page, then `drop` removing entries after paging. */
function server(
  all: number[],
  cap: number,
  options: { link?: boolean; count?: 'total' | 'page' | 'none'; drop?: (n: number) => boolean } = {},
) {
  const requests: number[] = [];
  const fetchPage = async (page: number): Promise<PageAnswer<number>> => {
    requests.push(page);
    const slice = all.slice((page - 1) * cap, page * cap);
    const kept = slice.filter((n) => !options.drop?.(n));
    const headers = new Headers();
    const pages = Math.ceil(all.length / cap);
    if (options.link && pages > 1) {
      const links = page < pages ? [`<http://g/x?page=${page + 1}>; rel="next"`] : [];
      headers.set('Link', [...links, `<http://g/x?page=1>; rel="first"`].join(','));
    }
    if (options.count === 'total') headers.set('X-Total-Count', String(all.length));
    if (options.count === 'page') headers.set('X-Total-Count', String(kept.length));
    return { data: kept.length > 0 ? kept : null, headers };
  };
  return { fetchPage, requests };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('collectPages: one pager for every Gitea list', () => {
  type Options = { link?: boolean; count?: 'total' | 'page' | 'none' };
  it.each<[string, number, number, Options, number]>([
    ['an untouched issue: the first page is null', 0, 50, {}, 1],
    ['exactly one full page: page 2 is null', 50, 50, {}, 2],
    ['MAX_RESPONSE_ITEMS 20 below the asked 50, no headers', 45, 20, {}, 4],
    ['Link headers: stops at the page without rel="next"', 45, 20, { link: true }, 3],
    ['a true X-Total-Count: stops when all are read', 40, 20, { count: 'total' }, 2],
  ])('%s', async (_what, size, cap, options, requests) => {
    const { fetchPage, requests: made } = server(range(size), cap, options);
    expect(await collectPages(fetchPage, { countIsTotal: options.count === 'total' })).toEqual(range(size));
    expect(made).toHaveLength(requests);
  });

  it('reads past a page the timeline filtered short (its X-Total-Count is the page length)', async () => {
    const drop = (n: number) => n <= 15; // review comments at the start, dropped after paging
    const { fetchPage } = server(range(60), 20, { count: 'page', drop });
    expect(await collectPages(fetchPage, { countIsTotal: false })).toEqual(range(60).filter((n) => !drop(n)));
  });

  it('gives up with an error on a server that never ends', async () => {
    const endless = async (): Promise<PageAnswer<number>> => ({ data: [1], headers: new Headers() });
    await expect(collectPages(endless, { countIsTotal: false })).rejects.toThrow(/pages/);
  });

  it('property: whatever the size, cap and headers, every item is read once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        fc.constantFrom('total' as const, 'none' as const),
        async (size, cap, link, count) => {
          const { fetchPage } = server(range(size), cap, { link, count });
          expect(await collectPages(fetchPage, { countIsTotal: count === 'total' })).toEqual(range(size));
        },
      ),
    );
  });
});

describe('hasNextLink', () => {
  it.each([
    ['<http://g/a?page=2>; rel="next",<http://g/a?page=3>; rel="last"', true],
    ['<http://g/a?page=3>; rel="last",<http://g/a?page=1>; rel="first"', false],
    ['<http://g/a?page=2>; rel=next', true],
    ['<http://g/a?page=1>; rel="prev"', false],
  ])('%s → %s', (link, next) => {
    expect(hasNextLink(link)).toBe(next);
  });
});
