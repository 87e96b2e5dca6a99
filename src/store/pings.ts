import type { Redis } from 'ioredis';
import { type Ping, pingSchema } from '../domain/standards/ping.js';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const OPEN = 'ob:pings:open';
const WAITING_ISSUES = 'ob:pings:issues';
const monthKey = (month: string) => `ob:pings:${month}`;

export const pingKeys = keySpace({
  store: 'pings',
  patterns: ['ob:pings:*'],
  derived: false,
  kept: 'never cleared by rebuild: the events it runs write each ping again under its id',
});

/** Pings: the open ones (and the issues they wait in, for the intake) and every ping by the month it was asked. */
export function createPingStore(redis: Redis) {
  const people = createPeople(redis);
  /** The pinged operator and the maintainer who asked are stored by person key (people.ts) and read back by current login. */
  const stored = async (ping: Ping) =>
    JSON.stringify(
      pingSchema.parse({ ...ping, login: await people.keyOf(ping.login), by: await people.keyOf(ping.by) }),
    );
  const read = async (raw: string) => {
    const ping = pingSchema.parse(JSON.parse(raw));
    return { ...ping, login: await people.shown(ping.login), by: await people.shown(ping.by) };
  };
  const save = async (ping: Ping) => {
    await redis.hset(monthKey(ping.askedAt.slice(0, 7)), String(ping.id), await stored(ping));
  };
  return {
    async open(ping: Ping): Promise<void> {
      await save(ping);
      await redis
        .multi()
        .hset(OPEN, String(ping.id), await stored(ping))
        .sadd(WAITING_ISSUES, ping.issue)
        .exec();
    },
    async get(id: number): Promise<Ping | undefined> {
      const raw = await redis.hget(OPEN, String(id));
      return raw ? read(raw) : undefined;
    },
    async waitingIn(issue: string): Promise<Ping[]> {
      const all = await Promise.all((await redis.hvals(OPEN)).map(read));
      return all.filter((ping) => ping.issue === issue);
    },
    /** Closes a ping (answered or missed) and stores the outcome. */
    async close(ping: Ping): Promise<void> {
      await save(ping);
      await redis.hdel(OPEN, String(ping.id));
      const left = (await redis.hvals(OPEN)).some((raw) => (JSON.parse(raw) as Ping).issue === ping.issue);
      if (!left) await redis.srem(WAITING_ISSUES, ping.issue);
    },
    /** Whether a comment in this issue may answer a ping (the intake asks, so it must be cheap). */
    awaitsAnswer: async (issue: string) => (await redis.sismember(WAITING_ISSUES, issue)) === 1,
    inMonth: async (month: string): Promise<Ping[]> =>
      Promise.all((await redis.hvals(monthKey(month))).map(read)),
  };
}

export type PingStore = ReturnType<typeof createPingStore>;
