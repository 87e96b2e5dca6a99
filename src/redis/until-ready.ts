import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Resolves once `connection` accepts commands; after 2 s of waiting, says so in the log (once). */
export function untilReady(connection: Redis, log: Logger): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  const slow = setTimeout(() => log.warn('waiting for Redis to accept connections'), 2_000);
  return new Promise<void>((resolve) => connection.once('ready', () => resolve())).finally(() =>
    clearTimeout(slow),
  );
}
