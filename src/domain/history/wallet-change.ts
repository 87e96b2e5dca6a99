import { inert } from '../text/inert.js';
import { checkWallet } from '../wallets/address.js';
import { type Chain, chainName, parseChain } from '../wallets/chains.js';
import { readEffectiveDay } from './effective-day.js';

/** A wallet, its chain and the day pay goes to it, read from `/wallet` arguments. */
export type WalletChange = { wallet: string; chain: Chain; from: string };

const EXAMPLE = '/wallet @op 0xADDRESS [base] [from 2026-11-15]';

/**
 * `ADDRESS [CHAIN] [[from] YYYY-MM-DD]` → the change, or a sentence naming what is wrong and
 * the fix. The chain defaults to `currentChain`; the address must be one of that chain (with
 * its checksum, as in the application form); the day is read by `readEffectiveDay`.
 */
export function readWalletChange(
  args: readonly string[],
  at: string,
  currentChain: Chain,
  paidMonths: readonly string[] = [],
): WalletChange | string {
  const [wallet, maybeChain, ...rest] = args;
  if (!wallet) return `give the new address: \`${EXAMPLE}\`.`;
  const named = maybeChain === undefined ? undefined : parseChain(maybeChain);
  const chain = named ?? currentChain;
  const dayArgs = named === undefined && maybeChain !== undefined ? [maybeChain, ...rest] : rest;
  const check = checkWallet(wallet, chain);
  if (!check.valid)
    return check.reason === 'checksum'
      ? `${inert(wallet).text} has a checksum error (a mistyped character?); copy the address again from the wallet.`
      : `${inert(wallet).text} is not an address on ${chainName(chain)}; name the chain after the address if it is another one: \`${EXAMPLE}\`.`;
  const day = readEffectiveDay(dayArgs, at, EXAMPLE, paidMonths);
  return typeof day === 'string' ? day : { wallet, chain, from: day.from };
}
