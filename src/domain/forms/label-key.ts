/** How a heading's text compares with a label: case and runs of spaces do not matter. */
export const labelKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The text of a `### text` line (up to 3 spaces before it), else undefined. No backtracking. */
export function h3Text(line: string): string | undefined {
  const start = line.trimStart();
  if (line.length - start.length > 3 || !/^###[ \t]/.test(start)) return undefined;
  return start.slice(4).trim();
}
