import { startRuntime } from '../app/runtime.js';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import type { Logger } from '../logger.js';

/** `serve` / `serve --no-worker` / `worker`: runs until SIGTERM or SIGINT, then drains and exits. */
export async function runServe(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  roles: { server: boolean; worker: boolean },
) {
  const runtime = await startRuntime({ env, config, log, ...roles });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: intake stops, in-flight jobs finish');
    await runtime.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
