import type { Redis } from 'ioredis';
import { type StoredReport, storedReportSchema } from '../domain/reports/stored.js';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

const key = (login: string) => `ob:reports:${login.toLowerCase()}`;

export const reportKeys = keySpace({
  store: 'reports',
  patterns: ['ob:reports:*'],
  derived: true,
});

/** Weekly reports per operator (kept under the person's key, people.ts), by ISO week. */
export function createReportStore(redis: Redis) {
  const people = createPeople(redis);
  return {
    async put(login: string, stored: StoredReport): Promise<void> {
      await redis.hset(
        key(await people.keyOf(login)),
        stored.report.week,
        JSON.stringify(storedReportSchema.parse(stored)),
      );
    },
    async of(login: string): Promise<StoredReport[]> {
      const values = await redis.hvals(key(await people.keyOf(login)));
      return values
        .map((raw) => storedReportSchema.parse(JSON.parse(raw)))
        .sort((a, b) => a.report.week.localeCompare(b.report.week));
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
