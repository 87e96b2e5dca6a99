import { h3Text } from './label-key.js';

/**
 * Older Gitea wrote a textarea as "```\nvalue```" right under its `### label` line: the closing
 * fence ends the value's last line, which CommonMark does not close, so the rest of the body would
 * read as code. Moves such a closing fence onto its own line (changing `lines` in place). Lines are scanned once.
 */
export function closeLegacyFences(lines: string[], isLabel: (headingText: string) => boolean): string[] {
  const out = lines;
  let split = false;
  for (let index = 0; index + 1 < out.length; index++) {
    const label = h3Text(out[index] as string);
    if (label === undefined || !isLabel(label) || !/^```[^`]*$/.test(out[index + 1] as string)) continue;
    let inner = index + 2;
    for (; inner < out.length; inner++) {
      const line = (out[inner] as string).trimEnd();
      if (line === '```') break;
      if (line.endsWith('```') && !line.endsWith('````')) {
        out[inner] = `${line.slice(0, -3)}\n\`\`\``;
        split = true;
        break;
      }
    }
    index = inner;
  }
  return split ? out.join('\n').split('\n') : out;
}
