/**
 * Invisible and direction-changing characters a person can type to disguise text: controls (Cc)
 * and format characters (Cf: zero-width spaces and joiners, the BOM, soft hyphen, bidi
 * embeddings/overrides/isolates and marks — Trojan Source, CVE-2021-42574). Each becomes U+FFFD,
 * visible rather than silently lost.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** Line and paragraph breaks of every kind (CR, LF, NEL, LS, PS, tabs), collapsed to one space. */
const BREAKS = /[\s\u0085\u2028\u2029]+/g;

/** A person's text on one line, with invisible and bidi controls made visible as U+FFFD. */
export function neutralise(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, '\uFFFD');
}

/** At most `max` code points (never splitting a surrogate pair); longer text ends with "…". */
export function capLength(text: string, max: number): string {
  const points = Array.from(text);
  return points.length > max ? `${points.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}
