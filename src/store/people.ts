import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';

/** Gitea user id → the login it had when the bot last saw it (as written). */
const LOGIN_OF_ID = 'ob:people:login-of-id';
/** Lower-case login → the id that holds it now, as far as the bot has seen. */
const ID_OF_LOGIN = 'ob:people:id-of-login';
/** Gitea user id → the person's key: what every per-person record (history, reports, payments…) is stored under. */
const KEY_OF_ID = 'ob:people:key-of-id';
/** Person key → the Gitea user id it belongs to (a key is never handed to a second id). */
const ID_OF_KEY = 'ob:people:id-of-key';

export const peopleKeys = keySpace({
  store: 'people',
  patterns: ['ob:people:*'],
  derived: false,
  kept: 'the Gitea user id behind each login: a fact about Gitea users, not about issue history',
});

/**
 * Learns that user `id` is called `login` now (Gitea keeps the id across a rename; a freed name
 * can be registered by someone else). The first time an id is seen it gets a key: its login in
 * lower case, unless another id owns that key (a renamed person's old name registered again),
 * then `login#id`. Records stored by login before ids were known (keyed by the lower-case
 * login) belong to the first id seen with that login, or the id Gitea resolves that login to
 * at migration (`preferred`, see adoptLegacyKeys): recorded once, never moved.
 * KEYS: the four hashes above. ARGV: id, login, preferred key. Returns the key, and 1 when a
 * known person's login changed or a login changed hands (what is shown by login is stale), and
 * the id that held the login before when it changed hands (its new login is unknown yet).
 */
const LEARN = `
local id, login, preferred = ARGV[1], ARGV[2], ARGV[3]
local lower = string.lower(login)
local previous = redis.call('HGET', KEYS[1], id)
local holder = redis.call('HGET', KEYS[2], lower)
local changed = (previous and previous ~= login) or (holder and holder ~= id)
if previous and string.lower(previous) ~= lower and redis.call('HGET', KEYS[2], string.lower(previous)) == id then
  redis.call('HDEL', KEYS[2], string.lower(previous))
end
-- Written only when they change: an HSET of the same value is still a write (logged to the AOF,
-- fsynced before the answer), and most events are by people already known.
if previous ~= login then redis.call('HSET', KEYS[1], id, login) end
if holder ~= id then redis.call('HSET', KEYS[2], lower, id) end
local key = redis.call('HGET', KEYS[3], id)
if not key then
  key = preferred
  if redis.call('HSETNX', KEYS[4], key, id) == 0 and redis.call('HGET', KEYS[4], key) ~= id then
    key = lower .. '#' .. id
    redis.call('HSET', KEYS[4], key, id)
  end
  redis.call('HSET', KEYS[3], id, key)
end
local displaced = ''
if holder and holder ~= id then displaced = holder end
return {key, changed and 1 or 0, displaced}
`;

/**
 * keyOf and loginOf as Lua functions, so that they take one round trip (they are asked several
 * times per event) and other stores' scripts can start from them (operators.ts). Each takes the
 * four hashes as KEYS[1..4] in the order of PEOPLE_HASHES, and a lower-case login or key.
 */
export const PEOPLE_LUA = `
local function key_of(lower)
  local id = redis.call('HGET', KEYS[2], lower)
  if id then return redis.call('HGET', KEYS[3], id) or lower end
  if redis.call('HEXISTS', KEYS[4], lower) == 1 then return lower .. '#unknown' end
  return lower
end
local function login_of(key)
  local id = redis.call('HGET', KEYS[4], key)
  if not id then return false end
  return redis.call('HGET', KEYS[1], id)
end
`;
/** The KEYS[1..4] of PEOPLE_LUA (and of LEARN). */
export const PEOPLE_HASHES = [LOGIN_OF_ID, ID_OF_LOGIN, KEY_OF_ID, ID_OF_KEY] as const;
const KEY_OF = `${PEOPLE_LUA}return key_of(ARGV[1])`;
const LOGIN_OF = `${PEOPLE_LUA}return login_of(ARGV[1])`;
/** ARGV: lower-case login, key prefix, command, its further arguments. */
const ON_KEY_OF = `${PEOPLE_LUA}return redis.call(ARGV[3], ARGV[2] .. key_of(ARGV[1]), unpack(ARGV, 4))`;

type Scripted = Redis & {
  obPeopleLearn: (...args: string[]) => Promise<[string, number, string]>;
  obPeopleKeyOf: (...args: string[]) => Promise<string>;
  obPeopleLoginOf: (...args: string[]) => Promise<string | null>;
  obPeopleOnKeyOf: (...args: (string | number)[]) => Promise<unknown>;
};

/** The scripts above as commands of `redis` (sent by their SHA once Redis has them). */
function scripted(redis: Redis): Scripted {
  const client = redis as Scripted;
  if (typeof client.obPeopleLearn !== 'function') {
    redis.defineCommand('obPeopleLearn', { lua: LEARN, numberOfKeys: 4 });
    redis.defineCommand('obPeopleKeyOf', { lua: KEY_OF, numberOfKeys: 4 });
    redis.defineCommand('obPeopleLoginOf', { lua: LOGIN_OF, numberOfKeys: 4 });
    redis.defineCommand('obPeopleOnKeyOf', { lua: ON_KEY_OF, numberOfKeys: 4 });
  }
  return client;
}

/**
 * People are their Gitea user id; logins are how they are shown. Every store keeps a person's
 * records under the person's key (see LEARN) and takes and gives current logins: `keyOf` on the
 * way in, `loginOf` on the way out. A login the bot never saw with an id keys as itself, unless
 * that key belongs to an id now called something else (then it matches nothing: a freed name
 * never inherits the records of the person who left it).
 */
export function createPeople(redis: Redis) {
  const scripts = scripted(redis);
  return {
    /** Records that `id` is called `login` now (from a payload or the API): the person's key, and whether a login changed. */
    async learn(
      id: number,
      login: string,
      preferredKey = login.toLowerCase(),
    ): Promise<{ key: string; changed: boolean; displaced?: number }> {
      const result = await scripts.obPeopleLearn(
        ...PEOPLE_HASHES,
        String(id),
        login,
        preferredKey.toLowerCase(),
      );
      const [key, changed] = result;
      const displaced = result[2] === '' ? {} : { displaced: Number(result[2]) };
      return { key, changed: changed === 1, ...displaced };
    },
    /**
     * Every id → login and lower-case login → id the bot has seen, as two maps: what `learn`
     * compares with (rebuild predicts from them which events change someone's login).
     */
    async seen(): Promise<{ loginOfId: Map<number, string>; idOfLogin: Map<string, number> }> {
      const [logins, ids] = await Promise.all([redis.hgetall(LOGIN_OF_ID), redis.hgetall(ID_OF_LOGIN)]);
      return {
        loginOfId: new Map(Object.entries(logins).map(([id, login]) => [Number(id), login])),
        idOfLogin: new Map(Object.entries(ids).map(([login, id]) => [login, Number(id)])),
      };
    },
    /** Whether some id owns `key` already. */
    owned: async (key: string): Promise<boolean> => (await redis.hexists(ID_OF_KEY, key.toLowerCase())) === 1,
    /** The key of whoever holds `login` now (lower-case login for people never seen with an id). */
    keyOf: (login: string): Promise<string> => scripts.obPeopleKeyOf(...PEOPLE_HASHES, login.toLowerCase()),
    /**
     * Runs one Redis `command` on the key `prefix` + the person key of `login` (what keyOf gives),
     * in one round trip: a store's per-person read or write. `T` is the command's reply.
     */
    onKeyOf: async <T>(prefix: string, login: string, command: string, ...args: (string | number)[]) =>
      (await scripts.obPeopleOnKeyOf(...PEOPLE_HASHES, login.toLowerCase(), prefix, command, ...args)) as T,
    /** The current login of the person stored under `key`, if the bot knows their id. */
    loginOf: async (key: string): Promise<string | undefined> =>
      (await scripts.obPeopleLoginOf(...PEOPLE_HASHES, key.toLowerCase())) ?? undefined,
    /** The Gitea user id of the person stored under `key`, if known. */
    async idOf(key: string): Promise<number | undefined> {
      const id = await redis.hget(ID_OF_KEY, key.toLowerCase());
      return id === null ? undefined : Number(id);
    },
    /** A stored login (or line key `login@YYYY-MM-DD`) → the same with the person's key in it. */
    async keyed(login: string): Promise<string> {
      const [who, ...day] = login.split('@');
      return [await this.keyOf(who ?? ''), ...day].join('@');
    },
    /** A stored key (or line key `key@YYYY-MM-DD`) → the same with the person's current login in it. */
    async shown(key: string): Promise<string> {
      const [who = '', ...day] = key.split('@');
      return [(await this.loginOf(who)) ?? who, ...day].join('@');
    },
  };
}

export type People = ReturnType<typeof createPeople>;
