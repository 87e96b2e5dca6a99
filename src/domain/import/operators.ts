import { isGiteaUsername, parseUsername } from '../application/usernames.js';
import type { OperatorRecord } from '../operator-record.js';
import { parseDate } from '../time/written-date.js';
import { checkWallet } from '../wallets/address.js';
import { type Chain, chainName, parseChain } from '../wallets/chains.js';
import { parseCsv } from './csv.js';

/** The columns of an operators CSV (header row, any order, case-insensitive). */
const IMPORT_COLUMNS = {
  required: ['login', 'wallet', 'chain', 'nodes', 'activated'],
  optional: ['handle', 'region', 'mentor', 'referrer'],
} as const;

export type ImportLimits = { maxNodes: number; today: string };
export type ImportResult = { records: OperatorRecord[]; problems: string[] };

/**
 * Operators run by hand before the bot, from CSV, checked as an application's answers are
 * (Gitea usernames, a wallet valid on its chain with its checksum, a node count within
 * `onboarding.maxNodes`, a start date not in the future): every problem of every row at once,
 * as `row N (login), column: what is wrong — the fix`, and the records only when there is none.
 * `applicationIssue` is left empty: the caller fills in the issue that records the import. Pure.
 */
export function readOperatorsCsv(text: string, limits: ImportLimits): ImportResult {
  const [header = [], ...rows] = parseCsv(text);
  const columns = header.map((name) => name.trim().toLowerCase());
  const known: readonly string[] = [...IMPORT_COLUMNS.required, ...IMPORT_COLUMNS.optional];
  const problems: string[] = [];
  for (const name of columns.filter((c) => !known.includes(c)))
    problems.push(`header: unknown column "${name}" — the columns are ${known.join(', ')}`);
  for (const name of IMPORT_COLUMNS.required.filter((c) => !columns.includes(c)))
    problems.push(
      `header: the column "${name}" is missing — required: ${IMPORT_COLUMNS.required.join(', ')}`,
    );
  if (problems.length > 0) return { records: [], problems };
  if (rows.length === 0) return { records: [], problems: ['the file has a header but no operator rows'] };

  const records: OperatorRecord[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const value = (column: string) => (cells[columns.indexOf(column)] ?? '').trim();
    const rowNumber = index + 2;
    const login = parseUsername(value('login')) ?? '';
    const where = `row ${rowNumber}${login ? ` (${login})` : ''}`;
    const problem = (column: string, text: string) => problems.push(`${where}, ${column}: ${text}`);
    if (!isGiteaUsername(login)) problem('login', `"${value('login')}" is not a Gitea username`);
    const earlier = seen.get(login.toLowerCase());
    if (earlier) problem('login', `also on row ${earlier}: one row per operator`);
    seen.set(login.toLowerCase(), rowNumber);
    const chain = parseChain(value('chain'));
    if (!chain)
      problem(
        'chain',
        `"${value('chain')}" is not a chain the program pays on — write ethereum, base, polygon, arbitrum, optimism, solana or tron`,
      );
    const wallet = value('wallet');
    if (chain) {
      const check = checkWallet(wallet, chain as Chain);
      if (!check.valid)
        problem(
          'wallet',
          check.reason === 'checksum'
            ? `"${wallet}" looks like a ${chainName(chain)} address with a typo (its checksum does not match) — copy it again from the wallet`
            : `"${wallet}" is not a ${chainName(chain)} address`,
        );
    }
    const nodes = Number(value('nodes'));
    if (!/^\d+$/.test(value('nodes')) || nodes < 1 || nodes > limits.maxNodes)
      problem(
        'nodes',
        `"${value('nodes')}" — write a whole number from 1 to ${limits.maxNodes} (onboarding.maxNodes)`,
      );
    const activated = parseDate(value('activated'));
    if (!activated) problem('activated', `"${value('activated')}" is not a date — write YYYY-MM-DD`);
    else if (activated > limits.today) problem('activated', `${activated} is in the future`);
    const person = (column: 'mentor' | 'referrer') => {
      const written = value(column);
      if (!written) return undefined;
      const name = written.replace(/^@/, '');
      if (!isGiteaUsername(name)) problem(column, `"${written}" is not a Gitea username`);
      return name;
    };
    const mentor = person('mentor');
    const referrer = person('referrer');
    if (chain && activated) {
      records.push({
        login,
        handle: value('handle') || login,
        wallet,
        chain,
        nodes,
        region: value('region'),
        activatedAt: `${activated}T00:00:00.000Z`,
        ...(mentor ? { mentor } : {}),
        ...(referrer ? { referrer } : {}),
        status: 'active',
        applicationIssue: '',
      });
    }
  });
  return problems.length > 0 ? { records: [], problems } : { records, problems };
}
