import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';

const keyOf = (key: string) => `ob:program-issue:${key}`;

/** Derived: rebuild finds each program issue again (gitea/program-issues.ts looks it up by title and marker). */
export const programIssueKeys = keySpace({
  store: 'program-issues',
  patterns: ['ob:program-issue:*'],
  derived: true,
});

/** The number of the program issue the bot opened for each key (`payroll-2026-11`, a week's reminders). */
export function createProgramIssueNumbers(redis: Redis) {
  return {
    /** The issue's number; 0 when none is remembered. */
    get: async (key: string): Promise<number> => Number(await redis.get(keyOf(key))),
    set: async (key: string, number: number): Promise<void> => {
      await redis.set(keyOf(key), number);
    },
    has: async (key: string): Promise<boolean> => (await redis.exists(keyOf(key))) === 1,
  };
}
