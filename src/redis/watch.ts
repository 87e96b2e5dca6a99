import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { epochOf, markEpoch, REDIS_EPOCH_KEY } from '../store/redis-epoch.js';
import { checkDurability } from './durability.js';

/**
 * Checks the bot's Redis at start (checkDurability) and again each time `redis` reconnects: a
 * Redis restarted under the running bot may come back with other settings (a config file without
 * `appendonly yes`) and without its data. The data is known by a mark (store/redis-epoch.ts) set at
 * start; when the mark Redis holds after a reconnect is not the one it held before, an error names
 * what is lost and the remedy. Resolves after the check at start; the later ones only log.
 */
export async function watchRedis(redis: Redis, log: Logger): Promise<void> {
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
  redis.on('ready', () => {
    recheck().catch((error) => log.warn({ err: error }, 'could not check Redis after it came back'));
  });
}
