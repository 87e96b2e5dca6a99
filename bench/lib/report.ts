/** One line of the results table: a figure, its target (if any) and whether it is met. */
export type Row = { figure: string; value: string; target: string; met?: boolean };

export function markdownTable(rows: Row[]): string {
  const mark = (row: Row) => (row.met === undefined ? '' : row.met ? '✅' : '⚠️');
  const lines = rows.map((row) => `| ${row.figure} | ${row.value} | ${row.target} | ${mark(row)} |`);
  return ['| figure | value | target | |', '|---|---|---|---|', ...lines].join('\n');
}

export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const ms = (n: number) => (Number.isFinite(n) ? `${n.toLocaleString('en-US')} ms` : 'n/a');
export const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
