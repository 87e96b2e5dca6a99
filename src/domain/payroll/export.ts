import { EVM_CHAINS } from '../wallets/chains.js';
import { lineKey } from './line.js';
import type { Payroll } from './payroll.js';

/** Cents as a token amount with two decimals: 15000 → "150.00". */
const tokenAmount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every line for a spreadsheet: who, where to, how much and why. */
export function payrollCsv(payroll: Payroll, token: string): string {
  const header = [
    'operator',
    'status',
    'nodes',
    'active_days',
    'base',
    'uptime_bonus',
    'completion_bonus',
    'response_bonus',
    'retention_bonus',
    'commission',
    'adjustment',
    'total',
    'payable',
    'held',
    'chain',
    'token',
    'wallet',
    'flags',
  ];
  const rows = payroll.lines.map((line) =>
    [
      line.operator,
      line.status,
      line.nodes,
      line.activeDays,
      tokenAmount(line.baseCents),
      tokenAmount(line.bonuses.uptime),
      tokenAmount(line.bonuses.completion),
      tokenAmount(line.bonuses.response),
      tokenAmount(line.bonuses.retention),
      tokenAmount(line.commissionCents),
      `${line.adjustmentCents < 0 ? '-' : ''}${tokenAmount(Math.abs(line.adjustmentCents))}`,
      tokenAmount(line.totalCents),
      tokenAmount(line.payableCents),
      line.held ? 'yes' : 'no',
      line.chain,
      token,
      line.wallet,
      line.flags.join(' '),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

/**
 * Safe{Wallet}'s CSV Airdrop (`token_type,token_address,receiver,amount`) for the payable EVM
 * lines of one chain; lines on other chains, held lines, nothing payable and lines whose key
 * (`lineKey`) is in `paid` are left out.
 */
export function safeAirdropCsv(
  payroll: Payroll,
  chain: string,
  tokenAddress: string,
  paid: ReadonlySet<string>,
): string {
  const rows = payroll.lines
    .filter((line) => line.chain === chain && EVM_CHAINS.has(line.chain) && line.payableCents > 0)
    .filter((line) => !paid.has(lineKey(line)))
    .map((line) => ['erc20', tokenAddress, line.wallet, tokenAmount(line.payableCents)].join(','));
  return ['token_type,token_address,receiver,amount', ...rows].join('\n');
}
