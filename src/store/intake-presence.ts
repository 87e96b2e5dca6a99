import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { keySpace } from './keys.js';

const KEY = 'ob:intakes';

/** How often a running intake process says it is there, in ms. */
export const INTAKE_BEAT_MS = 1_000;

/**
 * How long after its last beat an intake process counts as running, in ms: the 5 s a comment
 * delivery's copy of its issue is trusted (src/worker/issue-now.ts AS_OF_TRUSTED_MS) plus two
 * beats. A process killed with dropped issue changes in its memory (src/intake/issue-change-notes.ts)
 * then still counts for as long as a comment written before those changes can be trusted.
 */
export const INTAKE_PRESENT_MS = 7_000;

/** Beats older than this are removed with each beat (killed processes), in ms. */
const FORGOTTEN_MS = 60 * 60 * 1_000;

export const intakePresenceKeys = keySpace({
  store: 'intake-presence (the intake processes running now, by their last beat)',
  patterns: [KEY],
  derived: false,
  kept: 'it says which processes run now, nothing of Gitea; each process beats again within a second',
});

// Redis's own clock (TIME, ms), so that hosts whose clocks differ still agree on who beat when.
const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[1] the set; ARGV[1] the process id, ARGV[2] FORGOTTEN_MS. */
const BEAT_LUA = `${NOW_MS}
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
return now`;

/** KEYS[1] the set; ARGV[1] INTAKE_PRESENT_MS. */
const RUNNING_LUA = `${NOW_MS}
return redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[1]), '+inf')`;

/**
 * Which intake processes (those that take Gitea's deliveries: `serve`, `serve --no-worker`) are
 * running, as a sorted set of process ids scored by their last beat (ms, Redis's clock).
 *
 * Why: an intake keeps the issue changes it drops in memory until its next accepted delivery or
 * its stop (src/intake/issue-change-notes.ts). With one intake process that holds for every
 * comment it accepts; with several, one may hold a change of an issue whose comment another
 * accepted. A worker then reads the issue from Gitea instead of trusting the comment delivery's
 * copy (src/worker/issue-now.ts).
 */
export function createIntakePresence(redis: Redis) {
  return {
    /** Says that process `id` runs now (and forgets processes silent for an hour). Throws when Redis does. */
    beat: async (id: string): Promise<void> => {
      await redis.eval(BEAT_LUA, 1, KEY, id, FORGOTTEN_MS);
    },
    /** Process `id` stopped after writing what it kept. Throws when Redis does. */
    leave: async (id: string): Promise<void> => {
      await redis.zrem(KEY, id);
    },
    /** How many intake processes beat within INTAKE_PRESENT_MS. */
    running: async (): Promise<number> => Number(await redis.eval(RUNNING_LUA, 1, KEY, INTAKE_PRESENT_MS)),
  };
}

/**
 * Beats for this process every INTAKE_BEAT_MS from now (the first beat is awaited: a process
 * counts before it takes a delivery). A failed beat is told to `onError` and tried again at the
 * next one. `stop(cleanly)` ends the beats; `cleanly` (the kept changes are written) also removes
 * the process, else it counts until INTAKE_PRESENT_MS after its last beat.
 */
export async function beatWhileRunning(redis: Redis, onError: (error: unknown) => void) {
  const presence = createIntakePresence(redis);
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  await presence.beat(id);
  const timer = setInterval(() => void presence.beat(id).catch(onError), INTAKE_BEAT_MS);
  timer.unref();
  return {
    id,
    stop: async (cleanly: boolean): Promise<void> => {
      clearInterval(timer);
      if (cleanly) await presence.leave(id).catch(onError);
    },
  };
}
