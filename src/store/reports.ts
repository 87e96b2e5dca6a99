import type { Redis } from 'ioredis';
import { type StoredReport, storedReportSchema } from '../domain/reports/stored.js';

const key = (login: string) => `ob:reports:${login.toLowerCase()}`;

/** Weekly reports per operator, by ISO week. */
export function createReportStore(redis: Redis) {
  return {
    async put(login: string, stored: StoredReport): Promise<void> {
      await redis.hset(key(login), stored.report.week, JSON.stringify(storedReportSchema.parse(stored)));
    },
    async of(login: string): Promise<StoredReport[]> {
      const values = await redis.hvals(key(login));
      return values
        .map((raw) => storedReportSchema.parse(JSON.parse(raw)))
        .sort((a, b) => a.report.week.localeCompare(b.report.week));
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
