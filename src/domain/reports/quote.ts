/** An operator's text quoted back in a code span: one line, no markdown, no @-mentions, not too long. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `\`${short}\``;
}
