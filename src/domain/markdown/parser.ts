import type { Env, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';

/**
 * The one CommonMark parser of the bot (markdown-it, `commonmark` preset: no tables, no
 * linkify, raw HTML recognised as HTML blocks). Only the block structure is built here; inline
 * parsing is run where it matters (see `inline.ts`), which keeps reading a 1 MB body fast.
 */
const blockParser = MarkdownIt('commonmark');
blockParser.core.ruler.disable(['inline', 'text_join']);

/**
 * The block tokens of a normalized text (see `normalizeText`): `heading_open`, `paragraph_open`,
 * `fence`, `blockquote_open`, `html_block`, … each with `map` = [first line, line after last]
 * (0-based) and `level` (0 = top level). `inline` tokens carry their text in `content`, unparsed.
 */
export function parseBlocks(text: string, env: MarkdownEnv = {}): Token[] {
  return blockParser.parse(text, env);
}

/** What the block parse learns about the whole text: link reference definitions (`[x]: url`). */
export type MarkdownEnv = Pick<Env, 'references'>;
