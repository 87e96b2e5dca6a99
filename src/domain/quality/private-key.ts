/**
 * A private key block: a `-----BEGIN … PRIVATE KEY-----` marker (PKCS#1 RSA/EC/DSA, PKCS#8 plain
 * or encrypted, OpenSSH, PGP `… PRIVATE KEY BLOCK`) followed by key material: a base64 run of at
 * least 40 characters with a digit in it, on the same line (a JSON or escaped string: `…-----\nMIIE…`)
 * or on one of the next four added lines. A marker with no material after it is code that handles
 * keys (`line === '-----BEGIN RSA PRIVATE KEY-----'`), not a key.
 */

const MARKER = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
const MATERIAL_AFTER_MARKER = /^(?:\\[rn]|\s|["'`,+])*([A-Za-z0-9+/]{40,})/;
const MATERIAL_LINE = /^[\s"'`]*([A-Za-z0-9+/]{40,})={0,2}[\s"'`,+;]*(?:\\n)?[\s"'`,+;]*$/;
const LOOKAHEAD_LINES = 4;

const hasDigit = (text: string) => /\d/.test(text);

/** Whether the added line `line` of a file starts a private key block. `next(n)` is added line n, if any. */
export function startsPrivateKey(text: string, line: number, next: (line: number) => string | undefined) {
  const marker = MARKER.exec(text);
  if (!marker) return false;
  const sameLine = MATERIAL_AFTER_MARKER.exec(text.slice(marker.index + marker[0].length))?.[1];
  if (sameLine !== undefined && hasDigit(sameLine)) return true;
  for (let offset = 1; offset <= LOOKAHEAD_LINES; offset++) {
    const following = next(line + offset);
    if (following === undefined) return false;
    const material = MATERIAL_LINE.exec(following)?.[1];
    if (material !== undefined && hasDigit(material)) return true;
  }
  return false;
}
