/**
 * Git trailers (`Key: value` lines closing a commit message), found with git's own rules
 * (trailer.c, `find_trailer_block_start`):
 * - the first paragraph is the title and never holds trailers, so the block must follow a blank line;
 * - the block is the last paragraph; it counts when every line in it is a trailer (or a continuation
 *   line, indented), or when at least a quarter are and one starts with a git-generated prefix
 *   (`Signed-off-by: `, `(cherry picked from commit `);
 * - a trailer's key is letters, digits and `-`, starting the line, with optional spaces before `:`;
 * - lines starting with `#` (comments) are skipped.
 * CRLF and lone CR line ends read as LF.
 */

export interface Trailer {
  /** The key as written (`Signed-off-by`); compare it case-insensitively, as git does. */
  key: string;
  /** The value, trimmed, continuation lines joined with a space. */
  value: string;
}

const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];
const TRAILER_LINE = /^([A-Za-z0-9-]+)[ \t]*:(.*)$/;

const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.startsWith('#');
const isContinuation = (line: string) => /^[ \t]/.test(line);

/** The message's lines, LF-separated, without trailing blank lines. */
function messageLines(message: string): string[] {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && isBlank(lines.at(-1) ?? '')) lines.pop();
  return lines;
}

/** The index of the first line of the trailer block, or `undefined` when the message has none. */
function trailerBlockStart(lines: string[]): number | undefined {
  const endOfTitle = lines.findIndex((line) => !isComment(line) && isBlank(line));
  if (endOfTitle < 0) return undefined;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuationLines = 0;
  for (let index = lines.length - 1; index >= endOfTitle; index--) {
    const line = lines[index] ?? '';
    if (isComment(line)) continue;
    if (isBlank(line)) {
      nonTrailerLines += possibleContinuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return index + 1;
      if (trailerLines > 0 && nonTrailerLines === 0) return index + 1;
      return undefined;
    }
    if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
    } else if (TRAILER_LINE.test(line)) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else if (isContinuation(line)) {
      possibleContinuationLines++;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return undefined;
}

/** The trailers of a commit message, in order; none when its last paragraph is not a trailer block. */
export function parseTrailers(message: string): Trailer[] {
  const lines = messageLines(message);
  const start = trailerBlockStart(lines);
  if (start === undefined) return [];
  const trailers: Trailer[] = [];
  for (const line of lines.slice(start)) {
    if (isComment(line)) continue;
    const last = trailers.at(-1);
    if (isContinuation(line)) {
      if (last) last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const match = TRAILER_LINE.exec(line);
    if (match) trailers.push({ key: match[1] ?? '', value: (match[2] ?? '').trim() });
  }
  return trailers;
}
