import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The hidden markers the bot writes into its comments and issues
 * (`<!-- operator-bot:KIND PAYLOAD mac=HEX -->`) and the only ones it believes: the MAC is
 * HMAC-SHA256, keyed from a secret the bot holds, over the kind, the payload and the place
 * (`owner/repo#N` or `owner/repo`) the marker was written for. A marker typed by a person, copied
 * from another comment or issue, or edited, does not verify and is ignored.
 */
export type MarkerSeal = {
  /** The marker line for `payload` (one line, no `-->`) of `kind`, written at `place`. */
  seal: (kind: string, payload: string, place: string) => string;
  /** The payloads of every marker of `kind` in `text` that verifies for `place`, in order. */
  read: (text: string, kind: string, place: string) => string[];
};

const PREFIX = 'operator-bot:';
const MAC_HEX = 32;
const MARKER = /<!-- operator-bot:([a-z-]+) (.*?) mac=([0-9a-f]+) -->/g;

/**
 * The marker key is derived (HMAC with a fixed label) from `secret`: `MARKER_SECRET`, else the
 * bot's Gitea token — both only the bot holds. An empty secret is refused.
 */
export function createMarkerSeal(secret: string): MarkerSeal {
  if (!secret) throw new Error('a marker secret is required (MARKER_SECRET or GITEA_TOKEN)');
  const key = createHmac('sha256', secret).update('operator-bot marker key v1').digest();
  const mac = (kind: string, payload: string, place: string) =>
    createHmac('sha256', key).update(`${place}\n${kind}\n${payload}`).digest('hex').slice(0, MAC_HEX);
  return {
    seal(kind, payload, place) {
      if (/[\r\n]|-->/.test(payload)) throw new Error(`marker payload must be one line without "-->"`);
      return `<!-- ${PREFIX}${kind} ${payload} mac=${mac(kind, payload, place)} -->`;
    },
    read(text, kind, place) {
      const found: string[] = [];
      for (const match of text.matchAll(MARKER)) {
        const [, k, payload = '', given = ''] = match;
        if (k !== kind || given.length !== MAC_HEX) continue;
        const wanted = mac(kind, payload, place);
        if (timingSafeEqual(Buffer.from(given), Buffer.from(wanted))) found.push(payload);
      }
      return found;
    },
  };
}
