import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58, createBase58check } from '@scure/base';
import { type Chain, EVM_CHAINS } from './chains.js';

/** Address formats: one per family of chains (`addressFamilyOf`). */
export type AddressFamily = 'evm' | 'solana' | 'tron';

export type WalletCheck =
  | { valid: true }
  /** `format`: not an address of this chain at all; `checksum`: one, but mistyped. */
  | { valid: false; reason: 'format' | 'checksum' };

/** The address format `chain` uses. */
export function addressFamilyOf(chain: Chain): AddressFamily {
  if (EVM_CHAINS.has(chain)) return 'evm';
  return chain === 'solana' ? 'solana' : 'tron';
}

/** Whether `address` can receive on `chain`. */
export function checkWallet(address: string, chain: Chain): WalletCheck {
  switch (addressFamilyOf(chain)) {
    case 'evm':
      return checkEvmAddress(address);
    case 'solana':
      return checkSolanaAddress(address);
    case 'tron':
      return checkTronAddress(address);
  }
}

/** The families whose address format (checksum included) `address` has: for "wrong chain?" hints. */
export function addressFamiliesOf(address: string): AddressFamily[] {
  const checks: [AddressFamily, WalletCheck][] = [
    ['evm', checkEvmAddress(address)],
    ['solana', checkSolanaAddress(address)],
    ['tron', checkTronAddress(address)],
  ];
  return checks.filter(([, check]) => check.valid).map(([family]) => family);
}

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * `0x` + 40 hex digits. All-lowercase or all-uppercase carries no checksum; mixed case is an
 * EIP-55 checksum, which must match: it is what catches a mistyped character.
 */
function checkEvmAddress(address: string): WalletCheck {
  if (!EVM_ADDRESS.test(address)) return { valid: false, reason: 'format' };
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return { valid: true };
  return hex === eip55Checksummed(hex) ? { valid: true } : { valid: false, reason: 'checksum' };
}

/** The EIP-55 spelling of 40 hex digits: a letter is upper case where the hash nibble is ≥ 8. */
function eip55Checksummed(hex: string): string {
  const lower = hex.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  return [...lower]
    .map((char, index) => {
      const byte = hash[index >> 1] ?? 0;
      const nibble = index % 2 === 0 ? byte >> 4 : byte & 0x0f;
      return nibble >= 8 ? char.toUpperCase() : char;
    })
    .join('');
}

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** A Solana account: an ed25519 public key, 32 bytes, written in base58 (32–44 characters). */
function checkSolanaAddress(address: string): WalletCheck {
  if (address.length < 32 || address.length > 44 || !BASE58.test(address))
    return { valid: false, reason: 'format' };
  const bytes = decodeOrUndefined(() => base58.decode(address));
  return bytes?.length === 32 ? { valid: true } : { valid: false, reason: 'format' };
}

const TRON_PREFIX = 0x41;
const base58check = createBase58check(sha256);

/**
 * A Tron address: base58check of 0x41 + a 20-byte account, 34 characters starting with `T`,
 * whose last 4 bytes are the double SHA-256 checksum.
 */
function checkTronAddress(address: string): WalletCheck {
  if (address.length !== 34 || !address.startsWith('T') || !BASE58.test(address)) {
    return { valid: false, reason: 'format' };
  }
  const raw = decodeOrUndefined(() => base58.decode(address));
  if (raw?.length !== 25 || raw[0] !== TRON_PREFIX) return { valid: false, reason: 'format' };
  const payload = decodeOrUndefined(() => base58check.decode(address));
  return payload ? { valid: true } : { valid: false, reason: 'checksum' };
}

function decodeOrUndefined(decode: () => Uint8Array): Uint8Array | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}
