import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/import/csv.js';
import { readOperatorsCsv } from '../../../src/domain/import/operators.js';

const EVM = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const SOLANA = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const limits = { maxNodes: 10, today: '2026-11-30' };
const HEADER = 'login,wallet,chain,nodes,activated,region,referrer';

describe('readOperatorsCsv', () => {
  it('reads operators run by hand into registry records', () => {
    const { records, problems } = readOperatorsCsv(
      `${HEADER}\nalice,${EVM},Base,3,2026-03-01,eu-west,\n@bob,${SOLANA},solana,1,1 May 2026,,alice\n`,
      limits,
    );
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        login: 'alice',
        handle: 'alice',
        wallet: EVM,
        chain: 'base',
        nodes: 3,
        region: 'eu-west',
        activatedAt: '2026-03-01T00:00:00.000Z',
        status: 'active',
        applicationIssue: '',
      },
      {
        login: 'bob',
        handle: 'bob',
        wallet: SOLANA,
        chain: 'solana',
        nodes: 1,
        region: '',
        activatedAt: '2026-05-01T00:00:00.000Z',
        referrer: 'alice',
        status: 'active',
        applicationIssue: '',
      },
    ]);
  });

  it('reports every problem of every row at once, naming the row, the column and the fix', () => {
    const typo = EVM.replace('A0b8', 'a0B8');
    const { records, problems } = readOperatorsCsv(
      [
        HEADER,
        `-bad-,${EVM},base,3,2026-03-01,,`,
        `carol,${typo},ethereum,12,2026-03-01,,`,
        `dave,${EVM},dogecoin,2,2027-01-01,,not a user!`,
        `carol,${EVM},base,two,yesterday,,`,
      ].join('\n'),
      limits,
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([
      'row 2 (-bad-), login: "-bad-" is not a Gitea username',
      'row 3 (carol), wallet: "0xa0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48" looks like a Ethereum address with a typo (its checksum does not match) — copy it again from the wallet',
      'row 3 (carol), nodes: "12" — write a whole number from 1 to 10 (onboarding.maxNodes)',
      'row 4 (dave), chain: "dogecoin" is not a chain the program pays on — write ethereum, base, polygon, arbitrum, optimism, solana or tron',
      'row 4 (dave), activated: 2027-01-01 is in the future',
      'row 4 (dave), referrer: "not a user!" is not a Gitea username',
      'row 5 (carol), login: also on row 3: one row per operator',
      'row 5 (carol), nodes: "two" — write a whole number from 1 to 10 (onboarding.maxNodes)',
      'row 5 (carol), activated: "yesterday" is not a date — write YYYY-MM-DD',
    ]);
  });

  it.each([
    [
      'login,wallet,chain,nodes\n',
      ['header: the column "activated" is missing — required: login, wallet, chain, nodes, activated'],
    ],
    [
      `${HEADER},email\n`,
      [
        'header: unknown column "email" — the columns are login, wallet, chain, nodes, activated, handle, region, mentor, referrer',
      ],
    ],
    [`${HEADER}\n`, ['the file has a header but no operator rows']],
  ])('%j: %j', (text, problems) => {
    expect(readOperatorsCsv(text, limits).problems).toEqual(problems);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n\r\nd,,e\n')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['d', '', 'e'],
    ]);
  });
  it('gives back the fields any CSV writer quoted', () => {
    const quote = (field: string) =>
      /[",\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows.map((row) => row.map(quote).join(',')).join('\r\n');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });
});
