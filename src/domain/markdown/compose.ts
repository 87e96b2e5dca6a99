import { MENTION_OR_REFERENCE } from '../text/mention.js';
import { capLength, neutralise } from '../text/neutralise.js';

/**
 * A fragment of Markdown the bot composed itself and vouches for. Only a `Markdown` goes into a
 * comment as it is; any other value is text and is escaped (templates.ts, `md`).
 */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Marks bot-written Markdown as trusted: use only for text with no person's input in it. */
export const trusted = (text: string) => new Markdown(text);

const ZWSP = '\u200B';
/** Longest text value rendered in plain-text form (a node name, a reason), in code points. */
const MAX_TEXT = 500;

/**
 * Text rendered as plain text in Markdown that Gitea shows literally: one line, `&<>` as entities,
 * the punctuation that opens code, links, images, tables or escapes backslash-escaped, and the
 * sequences Gitea turns into links or notifications (`@login`, `#12`, `https://`, `www.`) broken
 * by a zero-width space. Gitea renders with goldmark (CommonMark + GFM), so CommonMark's
 * backslash escapes of ASCII punctuation hold (spec §2.4).
 */
export function escapeText(value: string, max = MAX_TEXT): string {
  return capLength(neutralise(value), max)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`[\]|*_~!]/g, (c) => `\\${c}`)
    .replace(MENTION_OR_REFERENCE, `$1${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`);
}

/** The Markdown text of a value: a `Markdown` as it is, anything else escaped as plain text. */
export const toMarkdown = (value: unknown): string =>
  value instanceof Markdown ? value.text : escapeText(String(value));

/**
 * A tagged template for bot Markdown with values in it: md`by @${login}: ${inert(reason)}`.
 * Interpolated `Markdown` stays as it is; every other value is escaped as plain text, so a
 * person's text cannot become markup.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Markdown {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += toMarkdown(value) + (strings[i + 1] ?? '');
  });
  return new Markdown(text);
}

/** Joins fragments with a separator, escaping the ones that are not Markdown. */
export const joinMarkdown = (parts: readonly unknown[], separator: string) =>
  new Markdown(parts.map(toMarkdown).join(separator));
