import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';
import { INTAKE_STREAM, seenKey } from '../store/intake.js';
import { DEDUPE_WINDOW_SECONDS } from './event-queue.js';
import { groupCommit } from './group-commit.js';
import { ENTRY_VALUES_PER_EVENT, entryValues } from './intake-entry.js';

/**
 * Accepts one event (a webhook delivery, or its catch-up twin read from the API) under its
 * content job id: `queued` when it is new and durably written, `duplicate` when that job id was
 * accepted before (within DEDUPE_WINDOW_SECONDS). Throws when Redis did not acknowledge the write:
 * the caller answers 503 and the delivery can be replayed (it is then queued, never lost to a
 * "seen" mark without its event).
 */
export type AcceptDelivery = (event: BotEvent, jobId: string) => Promise<'queued' | 'duplicate'>;

/**
 * For each (seen key, job id, event): mark the job id seen and append the event to the intake
 * stream, or neither. A script runs atomically and is logged to the AOF as one transaction, so a
 * Redis killed mid-batch keeps each delivery whole or not at all.
 * KEYS[1] the stream, KEYS[2..] the seen keys; ARGV[1] the seen keys' TTL, then per item the
 * ENTRY_VALUES_PER_EVENT values of intake-entry.ts (job id, event JSON, issue body, comment body).
 */
const ACCEPT_LUA = `
local out = {}
for i = 2, #KEYS do
  local at = ${ENTRY_VALUES_PER_EVENT} * (i - 2) + 2
  if redis.call('SET', KEYS[i], '1', 'EX', ARGV[1], 'NX') then
    redis.call('XADD', KEYS[1], '*', 'job', ARGV[at], 'shell', ARGV[at + 1],
      'issue-body', ARGV[at + 2], 'comment-body', ARGV[at + 3])
    out[i - 1] = 1
  else
    out[i - 1] = 0
  end
end
return out
`;

type Scripted = Redis & { obAcceptDeliveries: (...args: (string | number)[]) => Promise<number[]> };

/**
 * The intake's one write per delivery: dedupe mark and durable append in one atomic step, with
 * deliveries arriving in the same turn of the event loop sharing one script call (group commit).
 * Each caller is answered only when its batch is acknowledged by Redis.
 * `redis` should fail fast while Redis is away (no offline queue) so that callers answer 503 at once.
 */
export function createAcceptDelivery(redis: Redis): AcceptDelivery {
  const scripted = redis as Scripted;
  if (typeof scripted.obAcceptDeliveries !== 'function') {
    redis.defineCommand('obAcceptDeliveries', { lua: ACCEPT_LUA });
  }
  const commit = groupCommit<{ event: BotEvent; jobId: string }, 'queued' | 'duplicate'>(async (items) => {
    const keys = [INTAKE_STREAM, ...items.map((item) => seenKey(item.jobId))];
    const args = items.flatMap((item) => entryValues(item.jobId, item.event));
    const flags = await scripted.obAcceptDeliveries(keys.length, ...keys, DEDUPE_WINDOW_SECONDS, ...args);
    return flags.map((flag) => (flag === 1 ? 'queued' : 'duplicate'));
  });
  return (event, jobId) => commit({ event, jobId });
}
