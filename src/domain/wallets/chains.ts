import { z } from 'zod';

/** The chains the program pays on (PROGRAM.md: USDC/USDT), in the order forms list them. */
export const CHAINS = ['ethereum', 'base', 'polygon', 'arbitrum', 'optimism', 'solana', 'tron'] as const;
export const chainSchema = z.enum(CHAINS);
export type Chain = z.infer<typeof chainSchema>;

/** The chains whose addresses and transaction ids are Ethereum's (`0x…`, EIP-55 checksum). */
export const EVM_CHAINS: ReadonlySet<Chain> = new Set([
  'ethereum',
  'base',
  'polygon',
  'arbitrum',
  'optimism',
]);

const CHAIN_WORDS: Readonly<Record<string, Chain>> = {
  ethereum: 'ethereum',
  eth: 'ethereum',
  base: 'base',
  polygon: 'polygon',
  matic: 'polygon',
  pol: 'polygon',
  arbitrum: 'arbitrum',
  arb: 'arbitrum',
  optimism: 'optimism',
  op: 'optimism',
  solana: 'solana',
  sol: 'solana',
  spl: 'solana',
  tron: 'tron',
  trx: 'tron',
  trc20: 'tron',
};

/**
 * The chain named in the text: `Base`, `ethereum mainnet`, `Arbitrum One`, `TRC-20`, `USDC on
 * Solana`. Undefined when none, or when two different chains are named.
 */
export function parseChain(text: string): Chain | undefined {
  const words =
    text
      .toLowerCase()
      .replace(/\b(erc|trc)[\s-]+20\b/g, '$120')
      .match(/[a-z0-9]+/g) ?? [];
  const named = new Set(
    words.flatMap((word) => (Object.hasOwn(CHAIN_WORDS, word) ? [CHAIN_WORDS[word]] : [])),
  );
  if (named.size !== 1) return undefined;
  return [...named][0];
}

/** Capitalised for messages: "Base", "Tron". */
export function chainName(chain: Chain): string {
  return chain.charAt(0).toUpperCase() + chain.slice(1);
}
