/**
 * Values assigned to names on one line of code or configuration, in the shapes secrets are written:
 * `name = "…"`, `name: "…"`, `name := "…"`, `'name' => '…'`, `name === "…"` (a comparison with a
 * literal is a hard-coded secret too), `NAME=…` (.env, shell, `--flag=…`), `name: …` (YAML),
 * `"name": "…"` (JSON), `obj['name'] = '…'`, `const name: string = '…'` (type annotations).
 * A value is a quoted string (up to its closing quote, or the line's end) or an unquoted word;
 * an authorization scheme in front of it (`Bearer …`, `token …`, `Basic …`) is skipped.
 * Values are read up to `MAX_VALUE_LENGTH` characters, and only for names the caller asks about,
 * so a long line of `a:a:a:…` costs linear time, not quadratic.
 */

export interface Assignment {
  name: string;
  value: string;
  /** Whether the value was quoted (a string literal) rather than a bare word. */
  quoted: boolean;
  /** Where the value starts and ends in the line. */
  start: number;
  end: number;
}

/**
 * Linear on any line: a name starts only where a chain of names starts (not after `a.` or `a-`),
 * and the name and type are matched atomically (`(?=(…))\n`), so nothing backtracks into them.
 */
const NAME_AND_OPERATOR =
  /(?<![\w$]|[\w$][.-])(["'`]?)(?=([A-Za-z_$][\w$.-]*))\2\1\]?(?:[ \t]*[?!]?:[ \t]*(?=([A-Za-z_][\w.]*))\3(?:<[^<>=]*>)?(?:\[\])?(?=[ \t]*=[^=>]))?[ \t]*(!==?|===?|:=|=>|=|:)[ \t]*/g;
const MAX_VALUE_LENGTH = 256;
const QUOTES = `"'\``;
const UNQUOTED = new RegExp(`[^\\s"'\`,;)}\\]]{1,${MAX_VALUE_LENGTH}}`, 'y');
const BLANKS = /[ \t]+/y;
const AUTH_SCHEME = /^(?:bearer|token|basic)$/i;
const AUTH_SCHEME_PREFIX = /^(?:bearer|token|basic)[ \t]+/i;
const STRING_PREFIX = /^[bBrRuUfF]{1,2}(?=["'])/;

function quotedEnd(line: string, open: number): number {
  const quote = line[open];
  const limit = Math.min(line.length, open + 1 + MAX_VALUE_LENGTH);
  for (let index = open + 1; index < limit; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === quote) return index;
  }
  return limit;
}

function sticky(pattern: RegExp, line: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(line)?.[0];
}

/** The value starting at `at`, or `undefined` when nothing value-like is there. */
function readValue(line: string, at: number): Omit<Assignment, 'name'> | undefined {
  const start = at + (STRING_PREFIX.exec(line.slice(at, at + 3))?.[0].length ?? 0);
  const first = line[start];
  if (first !== undefined && QUOTES.includes(first)) {
    const end = quotedEnd(line, start);
    const content = line.slice(start + 1, end);
    const scheme = AUTH_SCHEME_PREFIX.exec(content)?.[0].length ?? 0;
    return { value: content.slice(scheme), quoted: true, start: start + 1 + scheme, end };
  }
  const word = sticky(UNQUOTED, line, start);
  if (word === undefined) return undefined;
  if (AUTH_SCHEME.test(word)) {
    const after = sticky(BLANKS, line, start + word.length)?.length ?? 0;
    const next = start + word.length + after;
    const secret = after > 0 ? sticky(UNQUOTED, line, next) : undefined;
    if (secret !== undefined) return { value: secret, quoted: false, start: next, end: next + secret.length };
  }
  return { value: word, quoted: false, start, end: start + word.length };
}

/** The assignments on a line whose name passes `wanted` (all of them by default). */
export function findAssignments(line: string, wanted: (name: string) => boolean = () => true): Assignment[] {
  const found: Assignment[] = [];
  for (const match of line.matchAll(NAME_AND_OPERATOR)) {
    if (!wanted(match[2] ?? '')) continue;
    const value = readValue(line, match.index + match[0].length);
    if (value) found.push({ name: match[2] ?? '', ...value });
  }
  return found;
}
