import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const key = (month: string) => `ob:partner-reports:${month}`;

export const partnerReportKeys = keySpace({
  store: 'partner-reports',
  patterns: ['ob:partner-reports:*'],
  derived: true,
});

/** Which partners filed their monthly partner report, per month (by person key; read as current logins). */
export function createPartnerReportStore(redis: Redis) {
  const people = createPeople(redis);
  return {
    file: async (month: string, login: string) => {
      await redis.sadd(key(month), await people.keyOf(login));
    },
    filed: async (month: string) =>
      Promise.all((await redis.smembers(key(month))).map((k) => people.shown(k))),
  };
}

export type PartnerReportStore = ReturnType<typeof createPartnerReportStore>;
