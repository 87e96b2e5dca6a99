import { TERMINATION_MARKER } from '../exit/termination-marker.js';
import { PAYROLL_MARKER } from '../payroll/marker.js';
import type { MarkerSeal } from './marker.js';

/** Marker kinds the workflows read from an issue body. */
const BODY_MARKERS = [PAYROLL_MARKER, TERMINATION_MARKER] as const;

/**
 * An issue body as decide may read it: every `operator-bot:` in the text is defused (a marker a
 * person typed, pasted or nested inside comments cannot be read as one), then the markers that
 * verify for `place` (the repo, `owner/repo`) are appended in their plain form
 * `<!-- operator-bot:KIND PAYLOAD -->`, which the pure readers parse. Verification happens here,
 * once, at the edge; decide stays free of the key.
 */
export function trustedBody(body: string, seal: MarkerSeal, place: string): string {
  const verified = BODY_MARKERS.flatMap((kind) =>
    seal.read(body, kind, place).map((payload) => `<!-- operator-bot:${kind} ${payload} -->`),
  );
  const defused = body.replace(/operator-bot:/gi, 'operator-bot\uFFFD');
  return verified.length > 0 ? `${defused}\n\n${verified.join('\n')}` : defused;
}
