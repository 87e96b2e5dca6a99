/**
 * Unicode line and paragraph separators (U+2028, U+2029) end a line like `\n` does: people paste
 * them from word processors and chat apps, and a command line holding one must still read as two
 * lines (CommonMark itself only knows `\n`, `\r\n` and `\r`).
 */
const LINE_ENDS = /\r\n?|[\u2028\u2029]/g;
const INVISIBLE = /[\u200B-\u200D\uFEFF]/g;

/**
 * Text as the markdown readers see it: every line ending is `\n`, zero-width characters and the
 * BOM are dropped, and a no-break space is a space. Linear in the text's length.
 */
export function normalizeText(text: string): string {
  return String(text)
    .replace(LINE_ENDS, '\n')
    .replace(INVISIBLE, '')
    .replace(/\u00A0/g, ' ');
}
