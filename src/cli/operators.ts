import type { Env } from '../config/env.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { summarizePings } from '../domain/standards/ping.js';
import { createOperatorStore } from '../store/operators.js';
import { createPingStore } from '../store/pings.js';
import { createRotationStore } from '../store/rotations.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

/** A registry record with the operator standards: last credential rotation, this month's pings. */
type OperatorRow = OperatorRecord & {
  lastRotation: string;
  pingsThisMonth: { asked: number; answered: number; missed: number };
};

/** `operators list [--json]`: the registry as a table, or as JSON for scripts. */
export async function runOperatorsList(env: Env, options: { json: boolean }): Promise<number> {
  const month = new Date().toISOString().slice(0, 7);
  const operators = await withRedis(env, async (redis) => {
    const [records, rotations, pings] = await Promise.all([
      createOperatorStore(redis).all(),
      createRotationStore(redis).all(),
      createPingStore(redis).inMonth(month),
    ]);
    const pingsOf = new Map(summarizePings(pings).map((p) => [p.login.toLowerCase(), p]));
    return records.map((record): OperatorRow => {
      const summary = pingsOf.get(record.login.toLowerCase());
      return {
        ...record,
        lastRotation: rotations[record.login.toLowerCase()] ?? record.activatedAt,
        pingsThisMonth: {
          asked: summary?.asked ?? 0,
          answered: summary?.answered ?? 0,
          missed: summary?.missed ?? 0,
        },
      };
    });
  });
  if (options.json) console.log(JSON.stringify(operators, null, 2));
  else if (operators.length === 0)
    console.log('No operators in the registry yet (an application reaches it on activation).');
  else console.log(formatTable(COLUMNS, operators));
  return 0;
}

const COLUMNS: [string, (o: OperatorRow) => string][] = [
  ['LOGIN', (o) => o.login],
  ['STATUS', (o) => o.status],
  ['NODES', (o) => String(o.nodes)],
  ['REGION', (o) => o.region],
  ['CHAIN', (o) => o.chain],
  ['WALLET', (o) => o.wallet],
  ['ACTIVE SINCE', (o) => o.activatedAt.slice(0, 10)],
  ['MENTOR', (o) => o.mentor ?? '-'],
  ['REFERRER', (o) => o.referrer ?? '-'],
  ['ROTATED', (o) => o.lastRotation.slice(0, 10)],
  [
    'PINGS (MONTH)',
    (o) =>
      `${o.pingsThisMonth.answered}/${o.pingsThisMonth.asked} answered, ${o.pingsThisMonth.missed} missed`,
  ],
];
