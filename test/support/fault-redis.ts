import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import { type EmbeddedRedis, freePort, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { INTAKE_STREAM } from '../../src/store/intake.js';
import { commentPayload } from './deliveries.js';
import { slowFsyncDisk } from './slow-fsync.js';

/** What a fault test cleans up after itself, last registered first. */
export type Cleanups = (() => Promise<void> | void)[];

/** A list of cleanups run after each test of the file, last registered first. */
export function useCleanups(): Cleanups {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}

/**
 * A redis-server as deployed (DURABLE_REDIS, its AOF in a temp dir), on a disk whose fsync the
 * test controls (`disk`, slow-fsync.ts), that the test kills (SIGKILL) and starts again on the same
 * port and files (`restart`). Its stop and the removal of its files are added to `cleanups`.
 */
export async function startFaultRedis(cleanups: Cleanups) {
  const disk = slowFsyncDisk();
  const dir = mkdtempSync(join(tmpdir(), 'ob-fault-redis-'));
  const port = await freePort();
  const start = () => startEmbeddedRedis(dir, { persist: true, port, env: disk.env });
  let server: EmbeddedRedis = await start();
  cleanups.push(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    disk.remove();
  });
  return {
    disk,
    url: server.url,
    /** The redis-server running now (a new one after each `restart`). */
    server: () => server,
    kill: () => server.kill(),
    /** Starts it again from its files (after `kill`). */
    async restart() {
      server = await start();
    },
  };
}

/** alice's `/status` in issue 7, as comment `id`: a delivery each test tells apart by its id. */
export const statusDelivery = (id: number) =>
  commentPayload('created', '/status', {
    comment: { id, user: { login: 'alice' } },
    sender: { login: 'alice' },
  });

/** The comment ids of the deliveries the intake stream at `url` holds (what Redis kept). */
export async function keptCommentIds(url: string): Promise<Set<number | undefined>> {
  const reader = new Redis(url);
  try {
    const entries = (await reader.xrange(INTAKE_STREAM, '-', '+')) as [string, string[]][];
    return new Set(
      entries.map(([, fields]) => {
        const payload = fields[fields.indexOf('payload') + 1] ?? '{}';
        return (JSON.parse(payload) as { comment?: { id?: number } }).comment?.id;
      }),
    );
  } finally {
    reader.disconnect();
  }
}

/**
 * Pours alice's `/status` deliveries (`statusDelivery`, ids from `firstId`) through `deliver`,
 * `inFlight` at a time, until `stop`: the requests in flight then still get their answers (or
 * errors), and `done` resolves after the last. `accepted` lists the ids answered 202 so far.
 */
export function pourDeliveries(
  deliver: (payload: ReturnType<typeof statusDelivery>) => Promise<Response>,
  firstId: number,
  inFlight = 16,
) {
  const accepted: number[] = [];
  let next = firstId;
  let stopped = false;
  const sender = async () => {
    while (!stopped) {
      const id = next++;
      const response = await deliver(statusDelivery(id)).catch(() => undefined);
      if (response?.status === 202) accepted.push(id);
    }
  };
  const done = Promise.all(Array.from({ length: inFlight }, sender)).then(() => undefined);
  return {
    accepted,
    done,
    stop: () => {
      stopped = true;
    },
  };
}
