import { type AddressFamily, addressFamiliesOf, addressFamilyOf, checkWallet } from '../wallets/address.js';
import { CHAINS, type Chain, chainName, parseChain } from '../wallets/chains.js';
import { missingMessage, quote, type Report } from './messages.js';

/** The chain answered, or else one named on the wallet line; one of the supported chains. */
export function readChain(
  text: string | undefined,
  walletText: string | undefined,
  report: Report,
): Chain | undefined {
  if (text === undefined) {
    // The markdown template has no chain question; "0xabc… (Base)" names it on the wallet line.
    const named =
      walletText === undefined ? undefined : parseChain(walletText.replace(addressIn(walletText), ' '));
    return named ?? report('chain', missingMessage('chain'));
  }
  return (
    parseChain(text) ??
    report(
      'chain',
      `${quote(text)} is not one of the supported chains — choose exactly one of ${CHAINS.join(', ')}.`,
    )
  );
}

/** The address in a wallet answer that may carry more words: "0xabc… (USDC on Base)". */
function addressIn(text: string): string {
  const tokens = text.split(/[\s,;:.()<>[\]`'"*]+/).filter((token) => token !== '');
  return tokens.find((token) => /^[0-9A-Za-z]{20,}$/.test(token)) ?? text.trim();
}

const FAMILY_NAMES: Readonly<Record<AddressFamily, string>> = {
  evm: 'an EVM (0x…)',
  solana: 'a Solana',
  tron: 'a Tron',
};

const FORMAT_HINTS: Readonly<Record<AddressFamily, string>> = {
  evm: '0x followed by 40 hexadecimal characters',
  solana: '32 to 44 base58 characters',
  tron: '34 base58 characters starting with T',
};

/**
 * The wallet address, if valid for the chain. Without a known chain, any supported chain's
 * format will do: the chain's own problem is reported on its own.
 */
export function readWallet(
  text: string | undefined,
  chain: Chain | undefined,
  report: Report,
): string | undefined {
  if (text === undefined) return undefined;
  const address = addressIn(text);
  const validFamilies = addressFamiliesOf(address);
  if (chain === undefined) {
    if (validFamilies.length > 0) return address;
    return report(
      'wallet',
      `${quote(address)} is not a wallet address on any supported chain — copy the address again from your wallet.`,
    );
  }
  const check = checkWallet(address, chain);
  if (check.valid) return address;
  const name = chainName(chain);
  if (check.reason === 'checksum') {
    return report(
      'wallet',
      `${quote(address)} fails its ${addressFamilyOf(chain) === 'evm' ? 'EIP-55 ' : ''}checksum, so a character is probably mistyped — copy the address again from your wallet.`,
    );
  }
  const otherFamily = validFamilies[0];
  if (otherFamily !== undefined) {
    return report(
      'wallet',
      `${quote(address)} is ${FAMILY_NAMES[otherFamily]} address, not a ${name} one — choose the chain this address is on, or give your ${name} address.`,
    );
  }
  return report(
    'wallet',
    `${quote(address)} is not a valid ${name} address — a ${name} address is ${FORMAT_HINTS[addressFamilyOf(chain)]}.`,
  );
}
