import { closesFence, readFenceOpening } from '../markdown/line-scan.js';

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
