/**
 * Markdown with the parts that are not prose blanked out: fenced code blocks (``` or ~~~, closed by
 * a fence of the same character at least as long, or running to the end when unclosed, as CommonMark
 * says), HTML comments (`<!-- … -->`, where PR templates keep their examples) and inline code spans
 * (a backtick run up to the next run of the same length; an unmatched run is literal text).
 * Each blanked part becomes spaces, so nothing on either side joins up. Indented code blocks are
 * left alone: in PR descriptions indentation is far more often a nested list than code.
 */

const PARAGRAPH_BREAK = /\n[ \t]*\n/;
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
  return text.replace(/<!--[\s\S]*?-->/g, blank);
}

function blankCodeSpans(text: string): string {
  const runs = [...text.matchAll(/`+/g)];
  let result = '';
  let copiedTo = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index];
    if (!open) continue;
    const closeIndex = runs.findIndex((run, later) => later > index && run[0].length === open[0].length);
    const close = runs[closeIndex];
    if (!close || PARAGRAPH_BREAK.test(text.slice(open.index, close.index))) continue;
    const end = close.index + close[0].length;
    result += text.slice(copiedTo, open.index) + blank(text.slice(open.index, end));
    copiedTo = end;
    index = closeIndex;
  }
  return result + text.slice(copiedTo);
}

/** The prose of a Markdown text: code blocks, code spans and HTML comments blanked out. */
export function proseOnly(markdown: string): string {
  const text = markdown.replace(/\r\n?/g, '\n');
  return blankCodeSpans(blankHtmlComments(blankFencedBlocks(text)));
}
