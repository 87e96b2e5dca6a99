import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Checks the HMAC-SHA256 of the raw body (its bytes as received: no string copy is hashed) in
 * constant time. Gitea sends `X-Gitea-Signature` as bare hex and `X-Hub-Signature-256` as
 * `sha256=<hex>`; an unsigned delivery (empty header), an empty body or an empty secret is refused.
 */
export function verifySignature(
  secret: string,
  body: Buffer | string,
  headers: Pick<Headers, 'get'>,
): boolean {
  const bare = headers.get('x-gitea-signature')?.trim();
  const prefixed = headers.get('x-hub-signature-256')?.trim();
  const hex = bare || (prefixed?.startsWith('sha256=') ? prefixed.slice('sha256='.length) : undefined);
  if (!secret || body.length === 0 || !hex || !HEX_SHA256.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}
