import type { Redis } from 'ioredis';
import { type Ping, pingSchema } from '../domain/standards/ping.js';

const OPEN = 'ob:pings:open';
const WAITING_ISSUES = 'ob:pings:issues';
const monthKey = (month: string) => `ob:pings:${month}`;

/** Pings: the open ones (and the issues they wait in, for the intake) and every ping by the month it was asked. */
export function createPingStore(redis: Redis) {
  const save = async (ping: Ping) => {
    await redis.hset(
      monthKey(ping.askedAt.slice(0, 7)),
      String(ping.id),
      JSON.stringify(pingSchema.parse(ping)),
    );
  };
  return {
    async open(ping: Ping): Promise<void> {
      await save(ping);
      await redis
        .multi()
        .hset(OPEN, String(ping.id), JSON.stringify(ping))
        .sadd(WAITING_ISSUES, ping.issue)
        .exec();
    },
    async get(id: number): Promise<Ping | undefined> {
      const raw = await redis.hget(OPEN, String(id));
      return raw ? pingSchema.parse(JSON.parse(raw)) : undefined;
    },
    async waitingIn(issue: string): Promise<Ping[]> {
      const all = (await redis.hvals(OPEN)).map((raw) => pingSchema.parse(JSON.parse(raw)));
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
      (await redis.hvals(monthKey(month))).map((raw) => pingSchema.parse(JSON.parse(raw))),
  };
}

export type PingStore = ReturnType<typeof createPingStore>;
