import { describe, expect, it } from 'vitest';
import { addressFamiliesOf, checkWallet } from '../../../../src/domain/wallets/address.js';
import type { Chain } from '../../../../src/domain/wallets/chains.js';

/** EIP-55's own examples, and other real addresses. */
const CHECKSUMMED_EVM = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];
const SOLANA = ['EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', '11111111111111111111111111111111'];
/** The USDT (TRC-20) contract address. */
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const EVM_CHAINS: Chain[] = ['ethereum', 'base', 'polygon', 'arbitrum', 'optimism'];

/** Changes one character into another allowed in the same alphabet, keeping the length. */
function corrupt(address: string, index: number, alphabet: string): string {
  const current = address.charAt(index);
  const replacement = [...alphabet].find(
    (char) => char !== current && char.toLowerCase() !== current.toLowerCase(),
  );
  return address.slice(0, index) + replacement + address.slice(index + 1);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

describe('EVM addresses (ethereum, base, polygon, arbitrum, optimism)', () => {
  it.each(CHECKSUMMED_EVM)('accepts the EIP-55 address %s on every EVM chain', (address) => {
    for (const chain of EVM_CHAINS) expect(checkWallet(address, chain)).toEqual({ valid: true });
  });

  it.each(CHECKSUMMED_EVM)('accepts %s all in lower case and all in upper case (no checksum)', (address) => {
    expect(checkWallet(address.toLowerCase(), 'base')).toEqual({ valid: true });
    expect(checkWallet(`0x${address.slice(2).toUpperCase()}`, 'base')).toEqual({ valid: true });
  });

  it.each(CHECKSUMMED_EVM)('refuses %s with one letter flipped in case: the checksum', (address) => {
    const index = [...address].findIndex((char, i) => i > 1 && /[a-f]/i.test(char));
    const flipped = address.charAt(index);
    const swapped = flipped === flipped.toLowerCase() ? flipped.toUpperCase() : flipped.toLowerCase();
    const corrupted = address.slice(0, index) + swapped + address.slice(index + 1);
    expect(checkWallet(corrupted, 'ethereum')).toEqual({ valid: false, reason: 'checksum' });
  });

  it.each(CHECKSUMMED_EVM)(
    'refuses %s with one hex digit changed (mixed case, so the checksum fails)',
    (address) => {
      expect(checkWallet(corrupt(address, 10, '0123456789'), 'ethereum')).toEqual({
        valid: false,
        reason: 'checksum',
      });
    },
  );

  it.each([
    ['too short', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe'],
    ['too long', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0'],
    ['no 0x', '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ['not hex', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg'],
    ['spaces', '0x5aAeb6053F3E94C9 b9A09f33669435E7Ef1BeAed'],
  ])('refuses an address %s', (_why, address) => {
    expect(checkWallet(address, 'base')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('Solana addresses', () => {
  it.each(SOLANA)('accepts %s', (address) => {
    expect(checkWallet(address, 'solana')).toEqual({ valid: true });
  });

  it.each(['0', 'O', 'I', 'l'])('refuses %s (not base58) in place of one character', (char) => {
    const [address = ''] = SOLANA;
    expect(checkWallet(`${address.slice(0, 5)}${char}${address.slice(6)}`, 'solana')).toEqual({
      valid: false,
      reason: 'format',
    });
  });

  it('refuses one character too many or too few for 32 bytes', () => {
    const [address = ''] = SOLANA;
    expect(checkWallet(`${address}z`, 'solana')).toEqual({ valid: false, reason: 'format' });
    expect(checkWallet('1111111111111111111111111111111', 'solana')).toEqual({
      valid: false,
      reason: 'format',
    });
  });

  it('refuses base58 that does not decode to 32 bytes', () => {
    expect(checkWallet('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'solana')).toEqual({
      valid: false,
      reason: 'format',
    });
    expect(checkWallet(TRON, 'solana')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('Tron addresses', () => {
  it('accepts the USDT contract address', () => {
    expect(checkWallet(TRON, 'tron')).toEqual({ valid: true });
  });

  it('refuses every one-character corruption by its checksum', () => {
    for (let index = 1; index < TRON.length; index++) {
      const corrupted = corrupt(TRON, index, BASE58);
      const check = checkWallet(corrupted, 'tron');
      expect(check.valid, corrupted).toBe(false);
    }
    expect(checkWallet(corrupt(TRON, 20, BASE58), 'tron')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('refuses the often-quoted misspelling of the USDT address: its checksum does not match', () => {
    expect(checkWallet('TR7NHqjeKQxGTCi8q8ZY4pPmdoSkHLB9z6', 'tron')).toEqual({
      valid: false,
      reason: 'checksum',
    });
  });

  it.each([
    ['not starting with T', `A${TRON.slice(1)}`],
    ['33 characters', TRON.slice(0, 33)],
    ['35 characters', `${TRON}1`],
    ['not base58', `${TRON.slice(0, 33)}0`],
  ])('refuses an address %s', (_why, address) => {
    expect(checkWallet(address, 'tron')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('addressFamiliesOf', () => {
  it('tells which chains an address could belong to', () => {
    expect(addressFamiliesOf(CHECKSUMMED_EVM[0] ?? '')).toEqual(['evm']);
    expect(addressFamiliesOf(SOLANA[0] ?? '')).toEqual(['solana']);
    expect(addressFamiliesOf(TRON)).toEqual(['tron']);
    expect(addressFamiliesOf('hello')).toEqual([]);
  });
});
