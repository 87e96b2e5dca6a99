import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { startEmbeddedRedis } from './embedded.js';

/** The file in DATA_DIR that says which process runs the embedded Redis there, and on which port. */
export const LOCK_FILE = 'operator-bot.lock';

const lockSchema = z.object({
  pid: z.number().int(),
  port: z.number().int(),
  /** `serve`: a long-running bot others connect to; `tool`: a one-shot command that holds the dir. */
  owner: z.enum(['serve', 'tool']),
  command: z.string(),
});
type Lock = z.output<typeof lockSchema>;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export type DataDirRedis = { url: string; shared: boolean; stop: () => Promise<void> };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function answers(port: number): Promise<boolean> {
  const probe = new Redis(port, '127.0.0.1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined); // a refused connection is the answer, not an error
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function shutDown(port: number): Promise<void> {
  const orphan = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  await orphan.shutdown().catch(() => undefined); // the connection closes as the server exits
  orphan.disconnect();
  for (let waited = 0; waited < 5_000 && (await answers(port)); waited += 100)
    await new Promise((done) => setTimeout(done, 100));
}

function readLock(path: string): Lock | undefined {
  try {
    return lockSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * The Redis of DATA_DIR without REDIS_URL, one per directory: when a serving bot runs one there
 * (its lock file names a live pid and a port that answers), connect to it, so the CLI and the
 * bot share one state; when a one-shot command holds the directory, refuse with who holds it;
 * otherwise start an embedded redis-server and hold the directory (lock file, port included)
 * until `stop`. A lock left by a dead process is taken over, after stopping a redis-server that
 * process left running on the directory. Throws DataDirLockedError.
 */
export async function openDataDirRedis(
  dataDir: string,
  role: { owner: Lock['owner']; command: string },
): Promise<DataDirRedis> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      if (holder && alive(holder.pid)) {
        if (holder.owner === 'serve' && (await answers(holder.port)))
          return { url: `redis://127.0.0.1:${holder.port}`, shared: true, stop: async () => undefined };
        throw new DataDirLockedError(
          `the data directory ${dir} is in use by \`operator-bot ${holder.command}\` (pid ${holder.pid}): wait for it to finish, or set REDIS_URL or another DATA_DIR`,
        );
      }
      if (!holder) {
        await new Promise((done) => setTimeout(done, 200)); // being written right now
        continue;
      }
      // Its process is gone; a redis-server it started may outlive it (SIGKILL): stop that one (it
      // writes its AOF first) rather than run a second server on the same files.
      if (await answers(holder.port)) await shutDown(holder.port);
      rmSync(path, { force: true });
      continue;
    }
    try {
      const embedded = await startEmbeddedRedis(dir);
      const port = Number(new URL(embedded.url).port);
      writeSync(fd, JSON.stringify({ pid: process.pid, port, owner: role.owner, command: role.command }));
      closeSync(fd);
      return {
        url: embedded.url,
        shared: false,
        stop: async () => {
          await embedded.stop();
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw error;
    }
  }
  throw new DataDirLockedError(
    `the data directory ${dir} stays locked (${path}): remove the file if no operator-bot runs there`,
  );
}
