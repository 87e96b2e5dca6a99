import type { Redis } from 'ioredis';
import { currentRecord } from '../domain/history/current.js';
import { type HistoryEvent, historyEventSchema, type OperatorHistory } from '../domain/history/events.js';
import { historyFromRecord } from '../domain/history/legacy.js';
import { type OperatorRecord, operatorRecordSchema } from '../domain/operator-record.js';
import { keySpace } from './keys.js';
import { createPeople, PEOPLE_HASHES, PEOPLE_LUA } from './people.js';

/** Records from before the history, one JSON per lower-cased login; read as one-stint histories. */
const RECORDS = 'ob:operators';
/** Person key (people.ts: the lower-cased login for people keyed before ids) → login as first written, for every operator with appended events. */
const LOGINS = 'ob:operator-logins';
/** One Redis list per operator: its history events in the order they were appended. */
const eventsKey = (key: string) => `ob:operator-history:${key}`;

/**
 * An operator's history by login in one round trip (it is read several times per event): the
 * person's key (people.ts), the old record, the events, the login first written and the current
 * one, absent ones as ''. KEYS: PEOPLE_HASHES, RECORDS, LOGINS; ARGV: lower-case login, the
 * events key of '' (the prefix to which the person's key is appended).
 */
const HISTORY_OF = `${PEOPLE_LUA}
local key = key_of(ARGV[1])
return {
  key,
  redis.call('HGET', KEYS[5], key) or '',
  redis.call('LRANGE', ARGV[2] .. key, 0, -1),
  redis.call('HGET', KEYS[6], key) or '',
  login_of(key) or ''
}`;

type Scripted = Redis & {
  obOperatorHistoryOf: (...args: string[]) => Promise<[string, string, string[], string, string]>;
};

export const operatorKeys = keySpace({
  store: 'operators',
  patterns: [RECORDS, LOGINS, 'ob:operator-history:*'],
  derived: true,
});

/**
 * The operator registry as append-only histories (`domain/history`): `append` adds an event;
 * `history` reads an operator's events, an old single record first (migrated on read, never
 * rewritten); `get` and `all` give the current record derived from it. Appending the same event
 * (same `id`) twice keeps one. People are their Gitea user id: histories are kept under the
 * person's key (people.ts); the login taken and given is the current one.
 */
export function createOperatorStore(redis: Redis) {
  const people = createPeople(redis);

  const scripted = redis as Scripted;
  if (typeof scripted.obOperatorHistoryOf !== 'function')
    redis.defineCommand('obOperatorHistoryOf', { lua: HISTORY_OF, numberOfKeys: 6 });

  async function historyByKey(key: string): Promise<OperatorHistory | undefined> {
    const [record, raw, typed, current] = await Promise.all([
      redis.hget(RECORDS, key),
      redis.lrange(eventsKey(key), 0, -1),
      redis.hget(LOGINS, key),
      people.loginOf(key),
    ]);
    return historyOf(key, record, raw, typed, current);
  }

  async function history(login: string): Promise<OperatorHistory | undefined> {
    const [key, record, raw, typed, current] = await scripted.obOperatorHistoryOf(
      ...PEOPLE_HASHES,
      RECORDS,
      LOGINS,
      login.toLowerCase(),
      eventsKey(''),
    );
    return historyOf(key, record || null, raw, typed || null, current || undefined);
  }

  function historyOf(
    key: string,
    record: string | null,
    raw: string[],
    typed: string | null,
    current: string | undefined,
  ): OperatorHistory | undefined {
    if (!record && raw.length === 0) return undefined;
    const legacy = record ? historyFromRecord(operatorRecordSchema.parse(JSON.parse(record))) : undefined;
    const events = raw.map((text) => historyEventSchema.parse(JSON.parse(text)));
    const login = current ?? legacy?.login ?? typed ?? key;
    return { login, events: [...(legacy?.events ?? []), ...events] };
  }

  /** Every person key with a history. */
  async function keys(): Promise<string[]> {
    const keys = new Set([...(await redis.hkeys(RECORDS)), ...(await redis.hkeys(LOGINS))]);
    return [...keys].sort();
  }

  async function histories(): Promise<OperatorHistory[]> {
    const all = await Promise.all((await keys()).map((key) => historyByKey(key)));
    return all
      .filter((h): h is OperatorHistory => h !== undefined)
      .sort((a, b) => a.login.localeCompare(b.login));
  }

  return {
    history,
    histories,
    keys,
    /** Adds one event to the operator's history (an event whose `id` is there already is ignored on read). */
    async append(login: string, event: HistoryEvent): Promise<void> {
      const key = await people.keyOf(login);
      const parsed = historyEventSchema.parse(event);
      const existing = await redis.lrange(eventsKey(key), 0, -1);
      if (existing.some((text) => (JSON.parse(text) as { id?: string }).id === parsed.id)) return;
      await redis.multi().hsetnx(LOGINS, key, login).rpush(eventsKey(key), JSON.stringify(parsed)).exec();
    },
    /** The current record; `without`: events left out (those the deciding job itself recorded). */
    async get(
      login: string,
      without?: (event: HistoryEvent) => boolean,
    ): Promise<OperatorRecord | undefined> {
      const found = await history(login);
      if (!found) return undefined;
      return currentRecord(without ? { ...found, events: found.events.filter((e) => !without(e)) } : found);
    },
    /** Stores a whole record the old way (imports, tests): read as a one-stint history. */
    async put(record: OperatorRecord): Promise<void> {
      await redis.hset(
        RECORDS,
        await people.keyOf(record.login),
        JSON.stringify(operatorRecordSchema.parse(record)),
      );
    },
    async all(): Promise<OperatorRecord[]> {
      const records = (await histories()).map(currentRecord);
      return records
        .filter((r): r is OperatorRecord => r !== undefined)
        .sort((a, b) => a.login.localeCompare(b.login));
    },
  };
}

export type OperatorStore = ReturnType<typeof createOperatorStore>;
