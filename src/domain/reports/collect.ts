import { KEY_USAGE, type ReportKey, reportKey } from './fields.js';
import { quote } from './quote.js';
import type { ReportProblem } from './schema.js';

/** The raw values of a report's keys, before they are read, and what was wrong with its layout. */
export type CollectedReport = {
  values: Partial<Record<Exclude<ReportKey, 'note'>, string>>;
  /** The note's words: `note=`/`note:` text and any prose in the report. */
  note: string;
  problems: ReportProblem[];
};

/** Unknown keys named one by one; the rest are counted in one more problem. */
const MAX_UNKNOWN_KEYS_NAMED = 5;
const LEADING_REPORT = /^\/report(?=\s|$)/i;
const NEXT_COMMAND = /^\/[a-z]/i;
const FENCE = /^(```|~~~)/;
const BULLET = /^(?:[-*+]\s+)+/;
/** `uptime: 99.7%`, `**Uptime:** 99.7 %`, `**uptime**: 99.7`. */
const KEY_LINE = /^(\*\*|__)?([a-z][a-z0-9-]*)\1?\s*:\1?\s*(.*)$/i;
/** `uptime=99.7`, `Memory=60%`, `foo=bar`. */
const PAIR = /^([a-z][a-z0-9_-]*)=(.*)$/i;
/** A value an unknown `key: value` line gives that looks like a metric, not prose. */
const METRIC_LIKE = /^(?:[+-]?[\d.,]+\s*%?|\d+\s*\/\s*\d+|\d{4}-?w\d{1,2})$/i;

/**
 * Splits the text of a `/report` into its keys' raw values and the note. Two layouts, mixable:
 *
 * - one line of `key=value` pairs (`uptime=99.7 tasks=42/44 …`); words that are not pairs are
 *   the note, as is everything after `note=` (verbatim, pairs included). A known key counts
 *   anywhere else on the line (`… kernel update cpu=35`). An unknown `key=value` before the
 *   prose starts is a problem; after prose has started on that line it is part of the note.
 * - one `key: value` per line, as `fleet-metrics.sh --multiline` prints; other lines are the
 *   note. A line `word: value` whose word is not a key is a problem when its value looks like a
 *   metric (`uptme: 99.7%`), and prose otherwise (`Summary: quiet week`).
 *
 * Keys are case-insensitive. The report ends at the next line starting with a `/command`;
 * a leading `/report` is skipped, and fence lines (```) are ignored.
 */
export function collectReport(text: string): CollectedReport {
  const collected: CollectedReport = { values: {}, note: '', problems: [] };
  const noteParts: string[] = [];
  const record = (written: string, value: string) => {
    const key = reportKey(written);
    if (key === undefined || key === 'note') return;
    const earlier = collected.values[key];
    if (earlier === undefined) collected.values[key] = value;
    else if (!collected.problems.some((problem) => problem.field === key)) {
      collected.problems.push({
        field: key,
        message: `${key} is given twice (${quote(earlier)} and ${quote(value)}) — give it once: ${KEY_USAGE[key]}.`,
      });
    }
  };
  const unknownKeys = new Set<string>();
  const unknown = (written: string) => {
    const field = written.toLowerCase().slice(0, 30);
    if (unknownKeys.has(field)) return;
    unknownKeys.add(field);
    if (unknownKeys.size > MAX_UNKNOWN_KEYS_NAMED) return;
    collected.problems.push({
      field,
      message: `${quote(written, 30)} is not a report key — use uptime, tasks, cpu, mem, disk and week, and ${KEY_USAGE.note}.`,
    });
  };

  let started = false;
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = rawLine.trim();
    if (!started && line !== '') {
      started = true;
      line = line.replace(LEADING_REPORT, '').trim();
    } else if (NEXT_COMMAND.test(line)) break;
    if (line === '' || FENCE.test(line)) continue;
    line = line.replace(BULLET, '');

    const keyLine = KEY_LINE.exec(line);
    if (keyLine) {
      const [, , written = '', value = ''] = keyLine;
      const key = reportKey(written);
      if (key === 'note') noteParts.push(value);
      else if (key !== undefined) record(written, value);
      else if (METRIC_LIKE.test(value.trim())) unknown(written);
      else noteParts.push(line);
      continue;
    }
    collectPairs(line, { record, unknown, note: (words) => noteParts.push(words) });
  }
  const unnamed = unknownKeys.size - MAX_UNKNOWN_KEYS_NAMED;
  if (unnamed > 0) {
    collected.problems.push({
      field: 'report',
      message: `${unnamed} more words written key=value are not report keys either — ${KEY_USAGE.note}.`,
    });
  }
  collected.note = noteParts.join(' ').replace(/\s+/g, ' ').trim();
  return collected;
}

type PairSink = {
  record: (written: string, value: string) => void;
  unknown: (written: string) => void;
  note: (words: string) => void;
};

/** One line of `key=value` pairs and prose. `key = value`, `cpu=35 %` and `tasks=42 / 44` are mended. */
function collectPairs(line: string, sink: PairSink): void {
  const tokens = line.split(/\s+/);
  let prose = false;
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i] ?? '';
    const next = () => tokens[i + 1];
    if (reportKey(token) !== undefined && next()?.startsWith('=')) {
      token += next();
      i++;
    }
    const pair = PAIR.exec(token);
    if (!pair) {
      prose = true;
      sink.note(token);
      continue;
    }
    const [, written = '', first = ''] = pair;
    const key = reportKey(written);
    if (key === 'note') {
      sink.note([first, ...tokens.slice(i + 1)].join(' '));
      return;
    }
    if (key === undefined) {
      if (prose) sink.note(token);
      else sink.unknown(written);
      continue;
    }
    let value = first;
    const following = next();
    if (value === '' && following !== undefined && !following.includes('=')) {
      value = following;
      i++;
    }
    for (
      let after = next();
      key === 'tasks' && after !== undefined && /^\d+\/?$/.test(value);
      after = next()
    ) {
      if (!value.endsWith('/') && !after.startsWith('/')) break;
      value += after;
      i++;
    }
    if (next() === '%') {
      value += '%';
      i++;
    }
    sink.record(written, value);
  }
}
