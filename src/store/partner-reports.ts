import type { Redis } from 'ioredis';

const key = (month: string) => `ob:partner-reports:${month}`;

/** Which partners filed their monthly partner report, per month. */
export function createPartnerReportStore(redis: Redis) {
  return {
    file: async (month: string, login: string) => {
      await redis.sadd(key(month), login.toLowerCase());
    },
    filed: (month: string) => redis.smembers(key(month)),
  };
}

export type PartnerReportStore = ReturnType<typeof createPartnerReportStore>;
