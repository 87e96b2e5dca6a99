import { verify } from '@octokit/webhooks-methods';

/**
 * Checks the HMAC-SHA256 of the raw body in constant time. Gitea sends `X-Gitea-Signature` as bare
 * hex and `X-Hub-Signature-256` as `sha256=<hex>`; an unsigned delivery (empty header) is refused.
 */
export async function verifySignature(
  secret: string,
  body: string,
  headers: Pick<Headers, 'get'>,
): Promise<boolean> {
  const bare = headers.get('x-gitea-signature')?.trim();
  const prefixed = headers.get('x-hub-signature-256')?.trim();
  const signature = bare ? `sha256=${bare.toLowerCase()}` : prefixed;
  if (!secret || !body || !signature || !/^sha256=[0-9a-fA-F]{64}$/.test(signature)) return false;
  try {
    return await verify(secret, body, signature);
  } catch {
    return false;
  }
}
