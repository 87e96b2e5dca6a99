import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';
import { INTAKE_STREAM, seenKey } from '../store/intake.js';
import { type IssueChange, raiseChangesLua } from '../store/issue-changed.js';
import { DEDUPE_WINDOW_SECONDS } from './event-queue.js';
import { groupCommit } from './group-commit.js';
import { deliveryEntry, ENTRY_PAIRS, eventEntry, type RawDelivery } from './intake-entry.js';

/**
 * Accepts one event (a webhook delivery, or its catch-up twin read from the API) under its
 * content job id: `queued` when it is new and durably written, `duplicate` when that job id was
 * accepted before (within DEDUPE_WINDOW_SECONDS). A webhook delivery is stored as received
 * (`delivery`: its bytes, not the event built from them; see intake-entry.ts). Throws when Redis
 * did not acknowledge the write: the caller answers 503 and the delivery can be replayed (it is
 * then queued, never lost to a "seen" mark without its event).
 */
export type AcceptDelivery = (
  event: BotEvent,
  jobId: string,
  delivery?: RawDelivery,
  /** Issue changes to note in the same write (src/intake/issue-change-notes.ts). */
  changes?: readonly IssueChange[],
) => Promise<'queued' | 'duplicate'>;

/**
 * For each (seen key, job id, event): mark the job id seen and append the event to the intake
 * stream, or neither; and note the issue changes given with the batch (src/store/issue-changed.ts).
 * A script runs atomically and is logged to the AOF as one transaction, so a Redis killed
 * mid-batch keeps each delivery whole or not at all.
 * KEYS[1] the stream, KEYS[2..n+1] the n seen keys, then the changed issues' keys; ARGV[1] the seen
 * keys' TTL, ARGV[2] n, then per item the ENTRY_PAIRS field names and values of its entry
 * (intake-entry.ts), then the changes' times (ms).
 */
const ACCEPT_LUA = `
local n = tonumber(ARGV[2])
local width = ${2 * ENTRY_PAIRS}
${raiseChangesLua('2 + n', '#KEYS - 1 - n', '3 + n * width')}
local out = {}
for i = 1, n do
  local at = width * (i - 1) + 3
  if redis.call('SET', KEYS[i + 1], '1', 'EX', ARGV[1], 'NX') then
    redis.call('XADD', KEYS[1], '*', unpack(ARGV, at, at + width - 1))
    out[i] = 1
  else
    out[i] = 0
  end
end
return out
`;

type Scripted = Redis & {
  obAcceptDeliveries: (...args: (string | number | Buffer)[]) => Promise<number[]>;
};

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
  type Item = { event: BotEvent; jobId: string; delivery?: RawDelivery; changes?: readonly IssueChange[] };
  const commit = groupCommit<Item, 'queued' | 'duplicate'>(async (items) => {
    const changes = items.flatMap((item) => item.changes ?? []);
    const keys = [INTAKE_STREAM, ...items.map((item) => seenKey(item.jobId)), ...changes.map(([key]) => key)];
    const args = items.flatMap((item) =>
      item.delivery ? deliveryEntry(item.jobId, item.delivery) : eventEntry(item.jobId, item.event),
    );
    const flags = await scripted.obAcceptDeliveries(
      keys.length,
      ...keys,
      DEDUPE_WINDOW_SECONDS,
      items.length,
      ...args,
      ...changes.map(([, at]) => at),
    );
    return flags.map((flag) => (flag === 1 ? 'queued' : 'duplicate'));
  });
  return (event, jobId, delivery, changes) =>
    commit({ event, jobId, ...(delivery ? { delivery } : {}), ...(changes?.length ? { changes } : {}) });
}
