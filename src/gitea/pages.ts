/** One page as Gitea answered it: its list (or `null`) and its headers. */
export type PageAnswer<T> = { data: readonly T[] | null | undefined; headers: Headers };

export type PagingRule = {
  /**
   * Whether `X-Total-Count` counts every matching item (issues, a repo's comments) rather than
   * this page's items after filtering (the timeline: routers/api/v1/repo/issue_comment.go,
   * ListIssueCommentsAndTimeline sets it to `len(apiComments)` of the page).
   */
  countIsTotal: boolean;
};

/** A bound on pages read for one list, so a server that always answers "next" cannot loop us forever. */
export const MAX_PAGES = 2_000;

/**
 * Reads every page of a Gitea list, from page 1, and returns the items in page order.
 *
 * When to stop is read from the answer, never from the page's length: Gitea caps `limit` at
 * `[api] MAX_RESPONSE_ITEMS` (which may be below what we ask) and the timeline drops entries
 * after paging, so a short page is not the last. Rules, in order:
 * - an empty page — `null` (handlers that build `var list []*T` answer `null` when nothing
 *   matches, e.g. the timeline of an untouched issue or page 2 after exactly 50 entries) or `[]` — ends it;
 * - a `Link` header ends it unless it has `rel="next"` (Gitea omits the header on a lone page);
 * - with `countIsTotal`, `X-Total-Count` items read ends it;
 * - otherwise the next page is read (one extra request on lists without headers).
 * Limit: a timeline page whose entries were all filtered away (review code comments, references
 * from repositories the bot cannot read) is `null` too and ends the read; issues have no code
 * comments, so only 50 such references in a row would hide what follows.
 *
 * Throws an Error after MAX_PAGES pages.
 */
export async function collectPages<T>(
  fetchPage: (page: number) => Promise<PageAnswer<T>>,
  rule: PagingRule,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await fetchPage(page);
    const batch = answer.data ?? [];
    items.push(...batch);
    if (batch.length === 0) return items;
    const link = answer.headers.get('link');
    if (link !== null) {
      if (hasNextLink(link)) continue;
      return items;
    }
    const total = Number.parseInt(answer.headers.get('x-total-count') ?? '', 10);
    if (rule.countIsTotal && Number.isFinite(total) && items.length >= total) return items;
  }
  throw new Error(`more than ${MAX_PAGES} pages: giving up on this list`);
}

/** Whether an RFC 8288 `Link` header names a `rel="next"` target. */
export function hasNextLink(link: string): boolean {
  return link
    .split(',')
    .some((part) => /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(part.trim()));
}
