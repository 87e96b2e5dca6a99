import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { epochOf, markEpoch, REDIS_EPOCH_KEY } from '../store/redis-epoch.js';
import { checkDurability } from './durability.js';

/** How often a running bot checks its Redis's settings and data mark between reconnects. */
export const REDIS_CHECK_EVERY_MS = 5 * 60_000;

/**
 * Checks the bot's Redis at start (checkDurability), each time `redis` reconnects, and every
 * `everyMs`: a Redis restarted under the running bot may come back with other settings (a config
 * file without `appendonly yes`) and without its data, and a running one may be given other
 * settings (`CONFIG SET appendfsync everysec`) or be flushed. The data is known by a mark
 * (store/redis-epoch.ts) set at start; when the mark Redis holds is not the one it held before, an
 * error names what is lost and the remedy (once per loss). Settings that may lose writes are
 * named in a warning at each check. Resolves after the check at start; `stop` ends the checks.
 */
export async function watchRedis(
  redis: Redis,
  log: Logger,
  everyMs = REDIS_CHECK_EVERY_MS,
): Promise<{ stop: () => void }> {
  let epoch = await markEpoch(redis);
  await checkDurability(redis, log);
  const recheck = async () => {
    const held = await epochOf(redis);
    if (held !== epoch)
      log.error(
        { mark: REDIS_EPOCH_KEY, was: epoch, now: held },
        'Redis came back without its data (it restarted without its AOF or from another directory, or was flushed): deliveries answered 202 and not yet handled, payments, approvals and workflow states recorded before are gone from it. Run `operator-bot rebuild` to regrow the state from Gitea; the catch-up reads Gitea again from catchUp.firstLookback back for the deliveries.',
      );
    epoch = await markEpoch(redis);
    await checkDurability(redis, log);
  };
  const check = () => {
    if (redis.status !== 'ready') return; // a reconnect checks when it is back
    recheck().catch((error) => log.warn({ err: error }, 'could not check Redis'));
  };
  redis.on('ready', check);
  const timer = setInterval(check, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      redis.off('ready', check);
    },
  };
}
