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

export interface Checkbox {
  checked: boolean;
  label: string;
}

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

/** Hints the templates put where the answer goes; left in place they are not an answer. */
const TEMPLATE_HINTS = [
  /\(\s*e\.?\s?g\.?[^()]*\)/gi,
  /\(\s*datacenter region\s*\)/gi,
  /\(\s*ubuntu 22\.04 lts preferred\s*\)/gi,
  /\(\s*link issues\s*\/\s*prs\s*\)/gi,
  /\(\s*type (?:your )?name\s*\)/gi,
  /^[ \t]*vcpu count,[ \t]*ram,[ \t]*storage,[ \t]*bandwidth[ \t]*$/gi,
];

/**
 * One answer of the markdown template as written, without the template's leftovers: blanks like
 * `________`, hints like `(e.g., Hetzner)`, instruction lines in italics ending with a colon, and
 * what cleanFormValue removes. Empty when nothing is left.
 */
export function cleanValue(value: string): string {
  let text = unfence(value.replace(/\r\n?/g, '\n').trim());
  text = text
    .split('\n')
    .filter((line) => !isInstructionLine(line))
    .join('\n');
  for (const hint of TEMPLATE_HINTS) text = text.replace(hint, ' ');
  text = text.replace(/(?<!\w)_{3,}(?!\w)/g, ' ').replace(/^_no response_$/gim, '');
  return cleanFormValue(text);
}

/**
 * One answer Gitea wrote from the form, as typed: spaces within lines collapsed; `_No response_`
 * (no answer) and a dropdown's neutral first option `—` (older Gitea preselects the first option,
 * go-gitea/gitea#31044) read as ''; a code fence or backticks around the whole value removed.
 */
export function cleanFormValue(value: string): string {
  let text = unfence(value.replace(/\r\n?/g, '\n').trim())
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const inlineCode = /^`([^`]*)`$/.exec(text);
  if (inlineCode) text = (inlineCode[1] ?? '').trim();
  return /^_no response_$/i.test(text) || text === '—' ? '' : text;
}

function unfence(text: string): string {
  const lines = text.split('\n');
  const first = lines[0];
  const marker = first === undefined ? undefined : readFenceOpening(first);
  if (marker === undefined || lines.length < 2) return text;
  const body = lines.slice(1);
  const last = body[body.length - 1] ?? '';
  if (!closesFence(last, marker)) return text;
  body[body.length - 1] = last.trimEnd().slice(0, last.trimEnd().length - marker.length);
  return body.join('\n').trim();
}

function isInstructionLine(line: string): boolean {
  return /^\s*([*_])[^*_]*:\s*\1\s*$/.test(line);
}
