import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAINS, chainName, chainSchema, parseChain } from '../../../../src/domain/wallets/chains.js';

describe('the chain a text names (PROGRAM.md: paid in USDC/USDT)', () => {
  it.each([
    ['base', 'base'],
    ['Base', 'base'],
    ['ETH', 'ethereum'],
    ['Ethereum mainnet', 'ethereum'],
    ['Arbitrum One', 'arbitrum'],
    ['OP Mainnet', 'optimism'],
    ['matic', 'polygon'],
    ['USDC on Solana', 'solana'],
    ['TRC-20', 'tron'],
    ['TRC20 (Tron)', 'tron'],
  ])('chain %j is %s', (text, chain) => {
    expect(parseChain(text)).toBe(chain);
  });

  it.each(['', 'bsc', 'base or polygon', 'bitcoin'])('chain %j is not one supported chain', (text) => {
    expect(parseChain(text)).toBeUndefined();
  });

  it('reads every supported chain back from its own name, however capitalised (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHAINS), fc.boolean(), (chain, upper) => {
        const name = upper ? chain.toUpperCase() : chainName(chain);
        expect(parseChain(name)).toBe(chain);
        expect(parseChain(`USDC on ${name}`)).toBe(chain);
        expect(chainSchema.safeParse(chain).success).toBe(true);
      }),
    );
  });
});
