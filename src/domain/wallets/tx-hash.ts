import type { Chain } from './chains.js';
import { EVM_CHAINS } from './chains.js';

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * Whether `tx` looks like a transaction id on `chain`: EVM `0x` + 64 hex; Tron 64 hex (with or
 * without `0x`); Solana a base58 signature of 64 bytes (86–88 characters).
 */
export function isTxHash(tx: string, chain: Chain): boolean {
  if (EVM_CHAINS.has(chain)) return /^0x[0-9a-fA-F]{64}$/.test(tx);
  if (chain === 'tron') return /^(0x)?[0-9a-fA-F]{64}$/.test(tx);
  return BASE58.test(tx) && tx.length >= 86 && tx.length <= 88;
}

/** How a transaction id is written, per address family: told to whoever records a payment with a bad one. */
const TX_EXAMPLE: Record<'evm' | 'tron' | 'solana', string> = {
  evm: '0x followed by 64 hex digits',
  tron: '64 hex digits',
  solana: 'a base58 signature of 86–88 characters',
};

/** `TX_EXAMPLE` for `chain`'s family. */
export const txFormat = (chain: Chain) =>
  EVM_CHAINS.has(chain) ? TX_EXAMPLE.evm : chain === 'tron' ? TX_EXAMPLE.tron : TX_EXAMPLE.solana;
