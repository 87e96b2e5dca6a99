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

/**
 * The secret of one repository's webhook: HMAC-SHA256 of `operator-bot webhook <owner/name>`
 * (the repository's full name in lower case) under WEBHOOK_SECRET, hex (64 characters). `init`
 * sets it on the repository's hook, and a delivery must be signed with the secret of the
 * repository it names (`repository.full_name`, the repository the bot then acts in). Why: Gitea
 * shows a hook's secret to every admin of its repository (Settings → Webhooks), so with one secret
 * for all watched repositories an admin of any of them could sign a delivery in the program
 * repository's name, as anyone. A renamed or transferred repository needs `init` again (as it
 * needs PROGRAM_REPO or the config changed).
 */
export function hookSecret(webhookSecret: string, repoFullName: string): string {
  if (!webhookSecret || !repoFullName) return '';
  return createHmac('sha256', webhookSecret)
    .update(`operator-bot webhook ${repoFullName.toLowerCase()}`)
    .digest('hex');
}
