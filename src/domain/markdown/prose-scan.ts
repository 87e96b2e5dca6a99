/**
 * A fast scan, deliberately not CommonMark, for the quality checks of pull requests (issue
 * references in a PR description): Markdown with the parts that are not prose blanked out: fenced code blocks (``` or ~~~, closed by
 * a fence of the same character at least as long, or running to the end when unclosed, as CommonMark
 * says), HTML comments (`<!-- … -->`, where PR templates keep their examples) and inline code spans
 * (a backtick run up to the next run of the same length; an unmatched run is literal text).
 * Each blanked part becomes spaces, so nothing on either side joins up. Indented code blocks are
 * left alone: in PR descriptions indentation is far more often a nested list than code.
 */

const PARAGRAPH_BREAK_GLOBAL = /\n[ \t]*(?=\n)/g;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function blankFencedBlocks(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  return lines
    .map((line) => {
      if (fence === undefined) {
        const open = FENCE_OPEN.exec(line);
        if (!open) return line;
        const marker = open[1] ?? '';
        if (marker.startsWith('`') && (open[2] ?? '').includes('`')) return line;
        fence = marker;
        return blank(line);
      }
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      const marker = close?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return blank(line);
    })
    .join('\n');
}

function blankHtmlComments(text: string): string {
  let result = '';
  let copiedTo = 0;
  for (;;) {
    const open = text.indexOf('<!--', copiedTo);
    const close = open < 0 ? -1 : text.indexOf('-->', open + 4);
    if (close < 0) return result + text.slice(copiedTo);
    const end = close + 3;
    result += text.slice(copiedTo, open) + blank(text.slice(open, end));
    copiedTo = end;
  }
}

/** For each backtick run, the index of the next run of the same length (or -1): one pass from the end. */
function nextSameLengthRuns(runs: readonly RegExpExecArray[]): number[] {
  const nextByLength = new Map<number, number>();
  const next: number[] = [];
  for (let index = runs.length - 1; index >= 0; index--) {
    const length = runs[index]?.[0].length ?? 0;
    next[index] = nextByLength.get(length) ?? -1;
    nextByLength.set(length, index);
  }
  return next;
}

function blankCodeSpans(text: string): string {
  const runs = [...text.matchAll(/`+/g)];
  const next = nextSameLengthRuns(runs);
  const breaks = Array.from(text.matchAll(PARAGRAPH_BREAK_GLOBAL), (match) => match.index);
  let breakIndex = 0;
  let result = '';
  let copiedTo = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index];
    const close = runs[next[index] ?? -1];
    if (!open || !close) continue;
    while ((breaks[breakIndex] ?? Number.POSITIVE_INFINITY) < open.index) breakIndex++;
    if ((breaks[breakIndex] ?? Number.POSITIVE_INFINITY) < close.index) continue;
    const end = close.index + close[0].length;
    result += text.slice(copiedTo, open.index) + blank(text.slice(open.index, end));
    copiedTo = end;
    index = next[index] ?? index;
  }
  return result + text.slice(copiedTo);
}

/**
 * The prose of a Markdown text by the scan above (not CommonMark): code blocks, code spans and
 * HTML comments blanked out as spaces, so offsets and line numbers are those of `markdown`.
 */
export function scanProse(markdown: string): string {
  const text = markdown.replace(/\r\n?/g, '\n');
  return blankCodeSpans(blankHtmlComments(blankFencedBlocks(text)));
}
