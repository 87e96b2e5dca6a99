import type { Redis } from 'ioredis';
import { composeRoad } from '../../src/app/compose.js';
import { loadProgram } from '../../src/app/program.js';
import type { ProgramConfig } from '../../src/config/program.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import type { RetryPolicy } from '../../src/gitea/retry.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { DelayedEvent } from '../../src/worker/handle-event.js';
import { PROGRAM_REPO } from './bot.js';
import { type DeliveryPayload, deliveryEvent } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';

/** The worker's road without the queue: for tests that drive events and schedules one by one. */
/** `retry`: the Gitea client's own retries (default: the bot's); `log`: where the core logs (default: nowhere). */
export function testCore(
  redis: Redis,
  gitea: FakeGitea,
  config: ProgramConfig = defaultProgramConfig(),
  options: { retry?: RetryPolicy; log?: Logger } = {},
) {
  const timers: DelayedEvent[] = [];
  const core = composeRoad({
    ...loadProgram(config),
    redis,
    gitea: createGiteaClient({
      baseUrl: gitea.baseUrl,
      token: gitea.token,
      timeoutMs: 5_000,
      ...(options.retry ? { retry: options.retry } : {}),
    }),
    config,
    programRepo: PROGRAM_REPO,
    botLogin: gitea.botLogin,
    markerSecret: gitea.token,
    enqueueAt: async (timer) => {
      timers.push(timer);
    },
    log: options.log ?? createLogger('silent'),
  });
  return {
    ...core,
    timers,
    /** Runs the queued timers and bot-opened issues named like `match`, as the worker would when due. */
    async fire(match: RegExp) {
      const due = timers.filter((t) => match.test(t.jobId));
      for (const timer of due) {
        timers.splice(timers.indexOf(timer), 1);
        await core.handleEvent(timer.event);
      }
      return due.length;
    },
    /** Normalises a Gitea-shaped delivery and handles it as the worker would. */
    async handle(payload: DeliveryPayload) {
      const { eventType } = deliveryEvent(payload);
      const normalized = normalizeDelivery(eventType, payload);
      if (normalized.outcome !== 'event') throw new Error(`not an event: ${JSON.stringify(normalized)}`);
      await core.handleEvent(normalized.event);
    },
  };
}
