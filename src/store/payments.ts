import type { Redis } from 'ioredis';
import { txKey } from '../domain/payments/ledger.js';
import { type Payment, paymentLine, paymentSchema } from '../domain/payments/payment.js';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const monthKey = (month: string) => `ob:payments:${month}`;
/** Every transaction recorded, by `txKey`: the first payment recorded with it. */
const TX_INDEX = 'ob:payments:tx';

export const paymentKeys = keySpace({
  store: 'payments',
  patterns: ['ob:payments:*'],
  derived: true,
});

/**
 * Checks and writes one payment atomically. A login's month is paid once; a transaction is
 * recorded from one issue and on one chain. The same payment again (a retried job) is `same`.
 * KEYS: month hash, tx index. ARGV: line key (`paymentLine`), tx key, payment JSON, issue, chain.
 */
const RECORD = `
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  local e = cjson.decode(existing)
  if e.issue == ARGV[4] and e.tx == cjson.decode(ARGV[3]).tx then return {'same', existing} end
  return {'paid', existing}
end
local used = redis.call('HGET', KEYS[2], ARGV[2])
if used then
  local u = cjson.decode(used)
  if u.issue ~= ARGV[4] or (u.chain and ARGV[5] ~= '' and u.chain ~= ARGV[5]) then return {'tx', used} end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3])
return {'recorded', ARGV[3]}
`;

export type RecordOutcome = { outcome: 'recorded' | 'same' | 'paid' | 'tx'; payment: Payment };

/** A payment the ledger refused at write time (another worker recorded first): the job is retried and decides again. */
export class LedgerConflict extends Error {
  constructor(readonly outcome: RecordOutcome) {
    super(
      `ledger refused the payment: ${outcome.outcome} (${outcome.payment.tx} in ${outcome.payment.issue})`,
    );
  }
}

/**
 * The ledger of payments: per month and payroll line (an operator's stint in the month) one
 * payment, the exit workflow and the payroll alike, and every transaction once. Integer cents.
 */
export function createPaymentStore(redis: Redis) {
  const people = createPeople(redis);
  /** Stored with the person's key (and id) in `login` and `line` (people.ts); read back with the current login. */
  const keyed = async (payment: Payment): Promise<Payment> => {
    const login = await people.keyOf(payment.login);
    const userId = payment.userId ?? (await people.idOf(login));
    return {
      ...payment,
      login,
      ...(payment.line ? { line: await people.keyed(payment.line) } : {}),
      ...(userId === undefined ? {} : { userId }),
    };
  };
  const read = async (raw: string): Promise<Payment> => {
    const payment = paymentSchema.parse(JSON.parse(raw));
    return {
      ...payment,
      login: await people.shown(payment.login),
      ...(payment.line ? { line: await people.shown(payment.line) } : {}),
    };
  };
  return {
    /** Records the payment unless the ledger refuses it (see RECORD); says what happened and the payment that stands. */
    async record(payment: Payment): Promise<RecordOutcome> {
      const parsed = await keyed(paymentSchema.parse(payment));
      const [outcome, raw] = (await redis.eval(
        RECORD,
        2,
        monthKey(parsed.month),
        TX_INDEX,
        paymentLine(parsed),
        txKey(parsed.tx),
        JSON.stringify(parsed),
        parsed.issue,
        parsed.chain ?? '',
      )) as [RecordOutcome['outcome'], string];
      return { outcome, payment: await read(raw) };
    },
    async inMonth(month: string): Promise<Payment[]> {
      return (await Promise.all((await redis.hvals(monthKey(month))).map(read))).sort((a, b) =>
        a.login.localeCompare(b.login),
      );
    },
    /** The first payment recorded with each of `txs` that was recorded, by `txKey`. */
    async uses(txs: readonly string[]): Promise<Record<string, Payment>> {
      if (txs.length === 0) return {};
      const keys = txs.map(txKey);
      const raws = await redis.hmget(TX_INDEX, ...keys);
      const found = await Promise.all(
        keys.map(async (key, i) => {
          const raw = raws[i];
          return raw ? [[key, await read(raw)] as const] : [];
        }),
      );
      return Object.fromEntries(found.flat());
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
