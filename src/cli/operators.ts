import type { Env } from '../config/env.js';
import type { OperatorRecord } from '../domain/registry.js';
import { createRegistryStore } from '../store/registry.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

/** `operators list [--json]`: the registry as a table, or as JSON for scripts. */
export async function runOperatorsList(env: Env, options: { json: boolean }): Promise<number> {
  const operators = await withRedis(env, (redis) => createRegistryStore(redis).all());
  if (options.json) console.log(JSON.stringify(operators, null, 2));
  else if (operators.length === 0)
    console.log('No operators in the registry yet (an application reaches it on activation).');
  else console.log(formatTable(COLUMNS, operators));
  return 0;
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
