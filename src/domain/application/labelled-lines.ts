import { type SectionKey, sectionKeyForLabel } from './labels.js';

export interface LabelledValue {
  /** undefined: a label the bot does not ask for (its text still ends the previous value). */
  key: SectionKey | undefined;
  value: string;
}

const LIST_MARKER = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?/;
/** `__x__` inside a word is not bold (CommonMark), so `a__os__a` stays one answer. */
const BOLD = /\*\*([^*\n]+?)\*\*|(?<![A-Za-z0-9])__([^_\n]+?)__(?![A-Za-z0-9])/g;
/** A `(hint)` right after a label counts as part of it only when a colon follows. */
const AFTER_LABEL = /^\s*(?:\([^()]*\)\s*:|:)?/;
/** The same, read where a bold label ends (sticky: no copy of the rest of the line per label). */
const AFTER_BOLD = /\s*(?:\([^()]*\)\s*:|:)?/y;
const COLON_AFTER_BOLD = /\s*(?:\([^()]*\)\s*)?:/y;
const MAX_LABEL_LENGTH = 120;

export function isListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s+/.test(line);
}

/**
 * The answers on one line of the markdown template:
 * `- **Contact Email**: a@b.c`, `**Email:** a@b.c`, `- **Can maintain 99.5% uptime?** Yes`,
 * `**Signature** (type name): Ann **Date**: 2026-11-20` (two answers), or plain
 * `- GitHub/Gitea username: ann` and `- Any prior work with Timmy Foundation? (link issues/PRs) #12`.
 */
export function readLabelledValues(line: string): LabelledValue[] {
  const text = line.replace(LIST_MARKER, '');
  // (Most lines of a long body hold no label: these look once instead of matching per position.)
  if (!/[:?*_]/.test(text)) return [];
  return readBoldLabels(text) ?? readPlainLabel(text);
}

interface Boundary {
  key: SectionKey | undefined;
  labelStart: number;
  valueStart: number;
}

function readBoldLabels(text: string): LabelledValue[] | undefined {
  if (!text.includes('**') && !text.includes('__')) return undefined;
  const boundaries: Boundary[] = [];
  // A line repeating one bold word thousands of times asks for its key once.
  const keys = new Map<string, SectionKey | undefined>();
  for (const match of text.matchAll(BOLD)) {
    const inner = (match[1] ?? match[2] ?? '').trim();
    const end = match.index + match[0].length;
    COLON_AFTER_BOLD.lastIndex = end;
    const colonFollows = COLON_AFTER_BOLD.test(text) || inner.endsWith(':');
    if (!keys.has(inner)) keys.set(inner, sectionKeyForLabel(inner));
    const key = keys.get(inner);
    const startsLine = match.index === 0;
    if (key === undefined && !colonFollows && !(startsLine && inner.endsWith('?'))) continue;
    AFTER_BOLD.lastIndex = end;
    const after = AFTER_BOLD.exec(text)?.[0] ?? '';
    boundaries.push({ key, labelStart: match.index, valueStart: end + after.length });
  }
  const first = boundaries[0];
  if (first === undefined || text.slice(0, first.labelStart).trim() !== '') return undefined;
  return boundaries.map((boundary, index) => ({
    key: boundary.key,
    value: text.slice(boundary.valueStart, boundaries[index + 1]?.labelStart ?? text.length).trim(),
  }));
}

function readPlainLabel(text: string): LabelledValue[] {
  for (const separator of text.matchAll(/[:?]/g)) {
    const label = text.slice(0, separator.index);
    if (label.length > MAX_LABEL_LENGTH) break;
    const key = sectionKeyForLabel(label);
    if (key === undefined) continue;
    const rest = text.slice(separator.index + 1);
    const after = AFTER_LABEL.exec(rest)?.[0] ?? '';
    return [{ key, value: rest.slice(after.length).trim() }];
  }
  return [];
}
