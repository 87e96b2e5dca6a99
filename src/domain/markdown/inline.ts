import type { StateInline } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import type { MarkdownEnv } from './parser.js';

/**
 * Inline rules whose output is plain text as written (or a line break). Every other rule (code
 * spans, links, images, autolinks, inline HTML, entities, escapes) turns its source into something
 * else, so a line that starts inside one is not plain text.
 */
const PLAIN_RULES = new Set(['text', 'newline', 'emphasis', 'strikethrough', 'linkify']);

type RangeEnv = MarkdownEnv & { src: string; covered: [number, number][] };

const inlineParser = MarkdownIt('commonmark');
// Emphasis never hides a line's start and is the slowest rule on `*a*a*a…`: its markers stay text.
inlineParser.inline.ruler.disable(['emphasis']);
inlineParser.inline.ruler2.disable(['emphasis']);
for (const name of inlineParser.inline.ruler.__rules__.map((rule) => rule.name)) {
  if (PLAIN_RULES.has(name)) continue;
  const original = inlineParser.inline.ruler.__rules__.find((rule) => rule.name === name)?.fn;
  if (!original) continue;
  inlineParser.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const matched = original(state, silent);
    const env = state.env as RangeEnv;
    // Image descriptions are parsed as a separate text; their offsets are not ours.
    if (matched && !silent && state.src === env.src) env.covered.push([start, state.pos]);
    return matched;
  });
}

/**
 * For the text of one paragraph (an `inline` token's `content`), which of the given offsets lie
 * inside a construct that does not render as plain text: a code span, a link or image, an
 * autolink, inline HTML (comments included), an entity or an escape. `offsets` must be ascending;
 * `blocks` is the env of the block parse, whose link reference definitions make `[x]` a link.
 * Linear in the text (markdown-it's inline parser) plus the offsets.
 */
export function offsetsInsideMarkup(
  content: string,
  offsets: readonly number[],
  blocks: MarkdownEnv = {},
): Set<number> {
  const env: RangeEnv = { ...blocks, src: content, covered: [] };
  inlineParser.inline.parse(content, inlineParser, env, []);
  const ranges = env.covered.sort((a, b) => a[0] - b[0]);
  const inside = new Set<number>();
  let next = 0;
  let reach = -1;
  for (const offset of offsets) {
    while (next < ranges.length && (ranges[next] as [number, number])[0] < offset) {
      reach = Math.max(reach, (ranges[next] as [number, number])[1]);
      next++;
    }
    if (offset < reach) inside.add(offset);
  }
  return inside;
}
