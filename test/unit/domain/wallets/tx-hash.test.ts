import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chain } from '../../../../src/domain/wallets/chains.js';
import { isTxHash, txFormat } from '../../../../src/domain/wallets/tx-hash.js';

const HEX64 = 'ab'.repeat(32);
/** A real Solana transaction signature (88 base58 characters). */
const SOLANA_SIGNATURE =
  '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW';

describe('transaction ids a payment is recorded with', () => {
  it.each<[string, Chain, boolean]>([
    [`0x${HEX64}`, 'ethereum', true],
    [`0x${HEX64.toUpperCase()}`, 'base', true],
    [HEX64, 'polygon', false], // EVM ids carry 0x
    [`0x${HEX64.slice(2)}`, 'arbitrum', false], // 62 hex digits
    [`0x${HEX64}`, 'tron', true],
    [HEX64, 'tron', true],
    [`0x${'g'.repeat(64)}`, 'optimism', false],
    [SOLANA_SIGNATURE, 'solana', true],
    [SOLANA_SIGNATURE.slice(0, 80), 'solana', false], // too short for a 64-byte signature
    [`${SOLANA_SIGNATURE.slice(0, 87)}0`, 'solana', false], // 0 is not base58
    [`0x${HEX64}`, 'solana', false],
  ])('%s on %s: %s', (tx, chain, valid) => {
    expect(isTxHash(tx, chain)).toBe(valid);
  });

  it.each<[Chain, string]>([
    ['base', '0x followed by 64 hex digits'],
    ['tron', '64 hex digits'],
    ['solana', 'a base58 signature of 86–88 characters'],
  ])('tells how an id on %s is written: %s', (chain, format) => {
    expect(txFormat(chain)).toBe(format);
  });

  it('accepts any 0x + 64 hex digits on an EVM chain and nothing shorter (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-fA-F]{64}$/),
        fc.constantFrom<Chain>('ethereum', 'base', 'polygon', 'arbitrum', 'optimism'),
        (hex, chain) => {
          expect(isTxHash(`0x${hex}`, chain)).toBe(true);
          expect(isTxHash(`0x${hex.slice(1)}`, chain)).toBe(false);
        },
      ),
    );
  });
});
