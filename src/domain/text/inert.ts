import { Markdown } from '../markdown/compose.js';
import { MENTION_OR_REFERENCE } from './mention.js';
import { capLength, neutralise } from './neutralise.js';

/** Longest echo of a person's text (a command line, an argument), in code points. */
export const MAX_ECHO = 200;
const ZWSP = '\u200B';

/**
 * A person's text as an inert Markdown code span: one line, invisible/bidi controls shown as
 * U+FFFD, at most `max` code points (then "…"), `<`/`>` as their fullwidth look-alikes (so no
 * `<!--` and no tag can appear in the raw comment), `@login` and `#12` broken by a zero-width
 * space (so Gitea neither links nor notifies), and delimited by one backtick more than the
 * longest backtick run inside — the CommonMark rule for code spans (spec §6.1), padded with a
 * space when the text starts or ends with a backtick.
 */
export function inert(text: string, max = MAX_ECHO): Markdown {
  const shown = capLength(neutralise(text).trim(), max)
    .replace(/</g, '\uFF1C')
    .replace(/>/g, '\uFF1E')
    .replace(MENTION_OR_REFERENCE, `$1${ZWSP}`);
  if (shown === '') return new Markdown('` `');
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || /^ .* $/.test(shown) ? ' ' : '';
  return new Markdown(`${fence}${pad}${shown}${pad}${fence}`);
}

/** A login a person typed that the bot could not match to anyone it knows: shown, not mentioned. */
export const unknownLogin = (login: string): string => inert(`@${login}`, 60).text;
