import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hookSecret, verifySignature } from '../../../src/intake/signature.js';

const secret = 'webhook-secret';
const body = JSON.stringify({ action: 'opened', number: 1 }, null, 2);
const hex = createHmac('sha256', secret).update(body).digest('hex');
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('verifySignature', () => {
  it('accepts Gitea’s bare hex X-Gitea-Signature', async () => {
    expect(await verifySignature(secret, body, headers({ 'X-Gitea-Signature': hex }))).toBe(true);
  });

  it('accepts X-Hub-Signature-256 with its sha256= prefix', async () => {
    expect(await verifySignature(secret, body, headers({ 'X-Hub-Signature-256': `sha256=${hex}` }))).toBe(
      true,
    );
  });

  it.each([
    ['no signature header', {}],
    [
      'an empty signature (Gitea without a secret)',
      { 'X-Gitea-Signature': '', 'X-Hub-Signature-256': 'sha256=' },
    ],
    [
      'a signature made with another secret',
      { 'X-Gitea-Signature': createHmac('sha256', 'other').update(body).digest('hex') },
    ],
    ['a truncated signature', { 'X-Gitea-Signature': hex.slice(0, 40) }],
    [
      'a sha1 signature only',
      { 'X-Hub-Signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}` },
    ],
    ['garbage', { 'X-Gitea-Signature': 'z'.repeat(64) }],
  ])('refuses %s', async (_what, entries) => {
    expect(await verifySignature(secret, body, headers(entries))).toBe(false);
  });

  it('refuses a body changed after signing, even by re-serialising the same JSON', async () => {
    const compact = JSON.stringify(JSON.parse(body));
    expect(await verifySignature(secret, compact, headers({ 'X-Gitea-Signature': hex }))).toBe(false);
  });

  it('checks the bytes as received, also where they are not valid UTF-8 (no string copy is hashed)', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"title": "caf'),
      Buffer.from([0xc3, 0xa9, 0xff]),
      Buffer.from('"}'),
    ]);
    const signed = createHmac('sha256', secret).update(bytes).digest('hex');
    expect(verifySignature(secret, bytes, headers({ 'X-Gitea-Signature': signed }))).toBe(true);
    const decoded = Buffer.from(bytes.toString('utf8'));
    expect(verifySignature(secret, decoded, headers({ 'X-Gitea-Signature': signed }))).toBe(false);
  });

  it('refuses everything when no secret is configured', async () => {
    expect(await verifySignature('', body, headers({ 'X-Gitea-Signature': hex }))).toBe(false);
  });
});

describe('hookSecret', () => {
  const repo = fc.stringMatching(/^[a-z0-9-]{1,12}\/[a-z0-9-]{1,12}$/);
  it('is one secret per repository: a repository other than its own (any letter case aside) never verifies', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), repo, repo, (secret, a, b) => {
        expect(hookSecret(secret, a)).toMatch(/^[0-9a-f]{64}$/);
        expect(hookSecret(secret, a.toUpperCase())).toBe(hookSecret(secret, a));
        expect(hookSecret(secret, a) === hookSecret(secret, b)).toBe(a === b);
        expect(hookSecret(secret, a)).not.toBe(secret);
      }),
    );
  });

  it('another WEBHOOK_SECRET gives another secret; no secret or no repository gives none (nothing verifies)', () => {
    expect(hookSecret('one', 'fleet/program')).not.toBe(hookSecret('two', 'fleet/program'));
    expect(hookSecret('', 'fleet/program')).toBe('');
    expect(hookSecret('one', '')).toBe('');
    const body = '{"repository":{"full_name":"fleet/program"}}';
    const signed = (secret: string) => ({
      get: (name: string) =>
        name === 'x-gitea-signature' ? createHmac('sha256', secret).update(body).digest('hex') : null,
    });
    expect(
      verifySignature(hookSecret('one', 'fleet/program'), body, signed(hookSecret('one', 'fleet/program'))),
    ).toBe(true);
    expect(verifySignature(hookSecret('one', 'fleet/program'), body, signed('one'))).toBe(false);
  });
});
