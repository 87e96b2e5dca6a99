import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { botEventSchema } from '../gitea/event.js';
import { INTAKE_GROUP, INTAKE_STREAM } from '../store/intake.js';
import { createIssueOrder, type OrderedJob } from '../store/issue-order.js';
import type { EventQueue } from './event-queue.js';
import { entryEvent } from './intake-entry.js';

export type IntakeMoverDeps = {
  /** A connection with an offline queue (the mover waits out a Redis restart); it is duplicated for blocking reads. */
  connection: Redis;
  queue: EventQueue;
  log: Logger;
  /** Entries a consumer took this long ago without acknowledging them (its process died) are taken over. */
  claimAfterMs?: number;
  batch?: number;
};

type StreamEntry = [id: string, fields: string[]];

/**
 * Moves accepted deliveries from the intake stream into the BullMQ queue, in order, in batches,
 * noting each event's place in its issue's order (the worker runs an issue's events in it).
 * Entries are read through a consumer group: an entry is acknowledged and deleted only after its
 * job is added, so a worker killed mid-move leaves it pending, and it is moved again (by this
 * process after an error, or by another after `claimAfterMs`). Moving twice is harmless: BullMQ
 * adds a job id once (a second add of the same id is a no-op). An entry whose event does not
 * parse is logged and dropped (the full parse belongs here, not in the intake).
 */
export function startIntakeMover(deps: IntakeMoverDeps) {
  const reader = deps.connection.duplicate();
  const order = createIssueOrder(deps.connection);
  // Its failures surface in the read loop below, which logs them and retries.
  reader.on('error', () => undefined);
  const consumer = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const claimAfterMs = deps.claimAfterMs ?? 30_000;
  const batch = deps.batch ?? 200;
  let stopped = false;
  let ownPending = true;
  let lastClaim = 0;

  const move = async (entries: StreamEntry[]) => {
    if (entries.length === 0) return;
    const jobs = entries.flatMap(([id, fields]) => {
      const { job, event, problem } = entryEvent(fields);
      const parsed = botEventSchema.safeParse(event);
      if (!job || !parsed.success) {
        deps.log.error(
          { entry: id, job, problem: problem ?? parsed.error?.message },
          'intake entry dropped: not an event',
        );
        return [];
      }
      const place: OrderedJob = {
        repo: parsed.data.repo,
        issue: parsed.data.issue.number,
        jobId: job,
        entryId: id,
      };
      return [{ job: { name: 'event' as const, data: { event: parsed.data }, opts: { jobId: job } }, place }];
    });
    // Each job's place in its issue's order first: a job never runs without it (store/issue-order.ts).
    await order.enqueue(jobs.map(({ place }) => place));
    if (jobs.length > 0) await deps.queue.addBulk(jobs.map(({ job }) => job));
    const ids = entries.map(([id]) => id);
    await deps.connection
      .multi()
      .xack(INTAKE_STREAM, INTAKE_GROUP, ...ids)
      .xdel(INTAKE_STREAM, ...ids)
      .exec();
  };

  const claimAbandoned = async () => {
    if (Date.now() - lastClaim < claimAfterMs) return;
    lastClaim = Date.now();
    let cursor = '0-0';
    do {
      const [next, entries] = (await deps.connection.xautoclaim(
        INTAKE_STREAM,
        INTAKE_GROUP,
        consumer,
        claimAfterMs,
        cursor,
        'COUNT',
        batch,
      )) as [string, StreamEntry[]];
      await move(entries.filter((entry) => entry?.[1]));
      cursor = next;
    } while (cursor !== '0-0' && !stopped);
    await forgetIdleConsumers(deps.connection, consumer);
  };

  const loop = async () => {
    await ensureGroup(deps.connection);
    while (!stopped) {
      try {
        await claimAbandoned();
        // After a start or an error, first what this consumer read but did not finish ("0").
        const answer = (await (ownPending
          ? reader.xreadgroup('GROUP', INTAKE_GROUP, consumer, 'COUNT', batch, 'STREAMS', INTAKE_STREAM, '0')
          : reader.xreadgroup(
              'GROUP',
              INTAKE_GROUP,
              consumer,
              'COUNT',
              batch,
              'BLOCK',
              1_000,
              'STREAMS',
              INTAKE_STREAM,
              '>',
            ))) as [string, StreamEntry[]][] | null;
        const entries = answer?.[0]?.[1] ?? [];
        if (ownPending && entries.length === 0) ownPending = false;
        await move(entries);
      } catch (error) {
        if (stopped) break;
        ownPending = true;
        if (
          isMissingGroup(error) &&
          (await ensureGroup(deps.connection).then(
            () => true,
            () => false,
          ))
        )
          continue;
        deps.log.warn({ err: error }, 'could not move intake entries into the queue; retrying');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const running = loop();
  return {
    async close() {
      stopped = true;
      reader.disconnect();
      await running.catch(() => undefined);
    },
  };
}

/** Creates the stream and its consumer group if missing (BUSYGROUP: already there). */
async function ensureGroup(redis: Redis): Promise<void> {
  try {
    await redis.xgroup('CREATE', INTAKE_STREAM, INTAKE_GROUP, '0', 'MKSTREAM');
  } catch (error) {
    if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
  }
}

/** Each process start is a new consumer: those gone an hour with nothing pending are removed. */
async function forgetIdleConsumers(redis: Redis, self: string): Promise<void> {
  const consumers = (await redis.xinfo('CONSUMERS', INTAKE_STREAM, INTAKE_GROUP)) as unknown[][];
  for (const fields of consumers) {
    const info = Object.fromEntries(
      Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]),
    ) as { name?: string; pending?: number; idle?: number };
    if (info.name && info.name !== self && info.pending === 0 && Number(info.idle) > 3_600_000)
      await redis.xgroup('DELCONSUMER', INTAKE_STREAM, INTAKE_GROUP, info.name);
  }
}

/** The stream or its group vanished (FLUSHALL, a Redis restarted without its data). */
const isMissingGroup = (error: unknown) => String((error as Error)?.message).includes('NOGROUP');
