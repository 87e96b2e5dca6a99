import type { Redis } from 'ioredis';
import { type AlertRecord, alertRecordSchema } from '../domain/alerts/record.js';
import { keySpace } from './keys.js';

import { createPeople } from './people.js';

const monthKey = (month: string) => `ob:alerts:${month}`;

export const alertKeys = keySpace({
  store: 'alerts',
  patterns: ['ob:alerts:*'],
  derived: true,
});

/**
 * Alerts by the month they opened in (what the critical-response bonus is judged on); the
 * operator is stored by person key (people.ts) and read back by current login.
 */
export function createAlertStore(redis: Redis) {
  const people = createPeople(redis);
  return {
    async put(alert: AlertRecord): Promise<void> {
      const parsed = alertRecordSchema.parse(alert);
      const record = {
        ...parsed,
        login: await people.keyOf(parsed.login),
        ...(parsed.acknowledgedBy ? { acknowledgedBy: await people.keyOf(parsed.acknowledgedBy) } : {}),
      };
      await redis.hset(
        monthKey(record.openedAt.slice(0, 7)),
        `${record.issue}@${record.openedAt}`,
        JSON.stringify(record),
      );
    },
    async inMonth(month: string): Promise<AlertRecord[]> {
      const values = await redis.hvals(monthKey(month));
      const records = await Promise.all(
        values.map(async (raw) => {
          const record = alertRecordSchema.parse(JSON.parse(raw));
          const acknowledgedBy = record.acknowledgedBy && (await people.shown(record.acknowledgedBy));
          return {
            ...record,
            login: await people.shown(record.login),
            ...(acknowledgedBy ? { acknowledgedBy } : {}),
          };
        }),
      );
      return records.sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
