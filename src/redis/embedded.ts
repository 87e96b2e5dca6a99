import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export class RedisNotInstalledError extends Error {
  override name = 'RedisNotInstalledError';
  constructor() {
    super(
      'redis-server is not on PATH. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_URL.',
    );
  }
}

export type EmbeddedRedis = {
  url: string;
  /** Stops it cleanly (SIGTERM: the AOF is flushed). */
  stop: () => Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or the OOM killer would: for fault tests. */
  kill: () => Promise<void>;
};

/**
 * The settings under which Redis keeps every write it answered. With the default
 * `appendfsync everysec`, Redis postpones writing its AOF buffer for up to 2 s while a background
 * fsync is still running, and answers the clients anyway (redis/src/aof.c, flushAppendOnlyFile): a
 * Redis killed then loses deliveries already answered 202 and ledger writes already reported in
 * Gitea. With `always`, the buffer is written and fsynced once per event-loop turn, before the
 * replies of every client of that turn (one fsync shared by all of them, like the intake's group
 * commit). `no-appendfsync-on-rewrite yes` skips that fsync while a BGREWRITEAOF or BGSAVE child
 * runs (aof.c, flushAppendOnlyFile, `try_fsync`): writes are then answered from the page cache,
 * and an OS crash or power cut loses them. Any `maxmemory-policy` but `noeviction` lets a full
 * Redis drop keys it answered (evict.c, performEvictions): jobs, dedupe marks, the ledger; BullMQ
 * asks for `noeviction` too. Each key is a redis-server option and CONFIG parameter.
 */
export const DURABLE_REDIS = {
  appendonly: 'yes',
  appendfsync: 'always',
  'no-appendfsync-on-rewrite': 'no',
  'maxmemory-policy': 'noeviction',
} as const;

/**
 * Starts a private `redis-server` on a free loopback port, with DURABLE_REDIS in `dataDir` unless
 * `persist` is false. `env` is added to the server's environment (fault tests slow its disk).
 */
export async function startEmbeddedRedis(
  dataDir: string,
  options: { persist?: boolean; port?: number; env?: Record<string, string> } = {},
): Promise<EmbeddedRedis> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const persist = options.persist ?? true;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  if (persist) args.push(...Object.entries(DURABLE_REDIS).flatMap(([name, value]) => [`--${name}`, value]));
  else args.push('--appendonly', 'no');
  args.push('--protected-mode', 'yes');
  const child = spawn('redis-server', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  await waitUntilReady(child);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopChild(child),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new RedisNotInstalledError() : error),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with code ${code}: ${output.slice(-500)}`)),
    );
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
