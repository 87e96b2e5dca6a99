import { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { OperatorRecord } from '../domain/registry.js';
import { startEmbeddedRedis } from '../redis/embedded.js';
import { createRegistryStore } from '../store/registry.js';

/** `operators list [--json]`: the registry as a table, or as JSON for scripts. */
export async function runOperatorsList(env: Env, options: { json: boolean }): Promise<number> {
  const embedded = env.REDIS_URL ? undefined : await startEmbeddedRedis(env.DATA_DIR);
  const redis = new Redis(embedded?.url ?? (env.REDIS_URL as string), { maxRetriesPerRequest: 1 });
  try {
    const operators = await createRegistryStore(redis).all();
    console.log(options.json ? JSON.stringify(operators, null, 2) : formatTable(operators));
    return 0;
  } finally {
    redis.disconnect();
    await embedded?.stop();
  }
}

const COLUMNS: [string, (o: OperatorRecord) => string][] = [
  ['LOGIN', (o) => o.login],
  ['STATUS', (o) => o.status],
  ['NODES', (o) => String(o.nodes)],
  ['REGION', (o) => o.region],
  ['CHAIN', (o) => o.chain],
  ['WALLET', (o) => o.wallet],
  ['ACTIVE SINCE', (o) => o.activatedAt.slice(0, 10)],
  ['MENTOR', (o) => o.mentor ?? '-'],
  ['REFERRER', (o) => o.referrer ?? '-'],
];

export function formatTable(operators: OperatorRecord[]): string {
  if (operators.length === 0)
    return 'No operators in the registry yet (an application reaches it on activation).';
  const rows = [COLUMNS.map(([title]) => title), ...operators.map((o) => COLUMNS.map(([, cell]) => cell(o)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
