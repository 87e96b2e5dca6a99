import type { Redis } from 'ioredis';
import { issueKey, keySpace } from './keys.js';

const key = (repo: string, issue: number, notification: string) =>
  `ob:notified:${issueKey(repo, issue)}:${notification}`;
/** A notification is not sent twice within this time (as long as a failed job may be retried). */
const KEEP_SECONDS = 30 * 86_400;

/** Derived: the events rebuild runs mark each notification again (and send none). */
export const notificationKeys = keySpace({
  store: 'notifications',
  patterns: ['ob:notified:*'],
  derived: true,
});

/** Which notifications (by the effect's key, per issue) were sent. */
export function createNotificationMarks(redis: Redis) {
  return {
    /** Marks the notification sent; true only the first time (within KEEP_SECONDS). */
    first: async (repo: string, issue: number, notification: string): Promise<boolean> =>
      (await redis.set(key(repo, issue, notification), '1', 'EX', KEEP_SECONDS, 'NX')) === 'OK',
  };
}
