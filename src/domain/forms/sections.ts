import { cleanBody, readHeading } from '../application/markdown.js';

const NO_RESPONSE = '_No response_';

/**
 * The answers of a submitted Gitea issue form: `### Label` headings with the answer below,
 * by lower-cased label. A blank answer (`_No response_`) reads as ''. Fences are unwrapped.
 */
export function formSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let label: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (label !== undefined) sections.set(label, answerOf(lines));
  };
  for (const line of cleanBody(body).split('\n')) {
    const heading = readHeading(line);
    if (heading && heading.level === 3) {
      flush();
      label = heading.text.trim().toLowerCase();
      lines = [];
    } else if (label !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

function answerOf(lines: string[]): string {
  const text = lines
    .filter((line) => !/^ {0,3}(```|~~~)/.test(line))
    .join('\n')
    .trim();
  return text === NO_RESPONSE ? '' : text;
}
