/**
 * Markdown read line by line, for the application parser (src/domain/application/parse.ts),
 * which reads the markdown template's `### Label` sections and their checkboxes. Not CommonMark:
 * the forms and commands use the CommonMark parser (parser.ts); these line rules only have to
 * agree with it on what the application template writes, and each is linear in its line.
 */

/** Line endings unified, HTML comments and invisible characters removed. */
export function cleanBody(body: string): string {
  return withoutHtmlComments(body.replace(/\r\n?/g, '\n'))
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ');
}

/** A scan rather than a lazy regex, which is quadratic on many unclosed `<!--`. */
function withoutHtmlComments(text: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start < 0) break;
    const end = text.indexOf('-->', start + 4);
    if (end < 0) break;
    kept += text.slice(from, start);
    from = end + 3;
  }
  return kept + text.slice(from);
}

/** An ATX heading: level 1–6 and its text without the `#` marks. */
export interface Heading {
  level: number;
  text: string;
}

/**
 * An ATX heading line (`## Text ##`): its level and text. Read by hand: the regular expression it
 * replaces backtracked quadratically on a heading padded with spaces (`# x` + 128k spaces: 12.9 s).
 */
export function readHeading(line: string): Heading | undefined {
  let start = 0;
  while (start < 3 && line[start] === ' ') start++;
  let level = 0;
  while (line[start + level] === '#') level++;
  const rest = line.slice(start + level);
  if (level < 1 || level > 6 || !/^[ \t]/.test(rest)) return undefined;
  let text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && /[ \t]/.test(text[end - 1] as string)) text = text.slice(0, end).trimEnd();
  return { level, text };
}

const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s*\[([ xX✓✔]?)\]\s*(.*)$/;

/** A task-list item: ticked or not, and the text after the box. */
export interface Checkbox {
  checked: boolean;
  label: string;
}

/** A task-list line (`- [x] label`, also `1. [ ]`, `✓`): whether it is ticked, and its label. */
export function readCheckbox(line: string): Checkbox | undefined {
  const match = CHECKBOX.exec(line);
  if (!match) return undefined;
  return { checked: (match[1] ?? '').trim() !== '', label: (match[2] ?? '').trim() };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The fence marker a line opens (```` ``` ````, `~~~`), if it opens one. */
export function readFenceOpening(line: string): string | undefined {
  return FENCE_OPEN.exec(line)?.[1];
}

/**
 * Whether a line closes the fence `marker` opened. Older Gitea wrote a textarea as
 * "```\nvalue```", so a fence also closes at the end of a line.
 */
export function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trimEnd();
  const fenceChar = marker.charAt(0);
  if (!trimmed.endsWith(marker)) return false;
  const before = trimmed.slice(0, trimmed.length - marker.length);
  return !before.endsWith(fenceChar);
}
