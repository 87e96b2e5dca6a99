import type { Redis } from 'ioredis';
import { type AlertRecord, alertRecordSchema } from '../domain/alerts/record.js';

const monthKey = (month: string) => `ob:alerts:${month}`;

/** Alerts by the month they opened in (what the critical-response bonus is judged on). */
export function createAlertStore(redis: Redis) {
  return {
    async put(alert: AlertRecord): Promise<void> {
      const record = alertRecordSchema.parse(alert);
      await redis.hset(
        monthKey(record.openedAt.slice(0, 7)),
        `${record.issue}@${record.openedAt}`,
        JSON.stringify(record),
      );
    },
    async inMonth(month: string): Promise<AlertRecord[]> {
      const values = await redis.hvals(monthKey(month));
      return values
        .map((raw) => alertRecordSchema.parse(JSON.parse(raw)))
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
