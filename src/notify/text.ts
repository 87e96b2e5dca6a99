const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `limit` UTF-16 code units (the stricter way to count both Discord's and
 * Telegram's limits), ending in "…" when cut. Cuts only between grapheme clusters, so no surrogate
 * pair, emoji sequence or combining mark is split.
 */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit < ELLIPSIS.length) return '';
  const budget = limit - ELLIPSIS.length;
  let end = 0;
  // Segment a bounded window only; a cluster cut by the window's edge ends past `budget` anyway.
  for (const { index, segment } of graphemes.segment(text.slice(0, limit + 64))) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/**
 * `head`, `body` and `tail` joined, at most `limit` long: the body is shortened first so the
 * headline and the link survive; only if they alone are too long is the whole cut.
 */
export function fitParts(head: string, body: string, tail: string, limit: number): string {
  const room = limit - head.length - tail.length;
  if (room >= Math.min(body.length, ELLIPSIS.length)) return head + truncate(body, room) + tail;
  return truncate(head + body + tail, limit);
}
