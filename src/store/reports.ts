import type { Redis } from 'ioredis';
import { type StoredReport, storedReportSchema } from '../domain/reports/stored.js';
import { keySpace } from './keys.js';
import { createPeople } from './people.js';

/** An operator's reports are under this + the person key. */
const PREFIX = 'ob:reports:';

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
      const value = JSON.stringify(storedReportSchema.parse(stored));
      await people.onKeyOf(PREFIX, login, 'HSET', stored.report.week, value);
    },
    async of(login: string): Promise<StoredReport[]> {
      const values = await people.onKeyOf<string[]>(PREFIX, login, 'HVALS');
      return values
        .map((raw) => storedReportSchema.parse(JSON.parse(raw)))
        .sort((a, b) => a.report.week.localeCompare(b.report.week));
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
