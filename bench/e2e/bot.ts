// One operator-bot process for the end-to-end bench: ROLE=server (intake only) or ROLE=worker.

import { startRuntime } from '../../src/app/runtime.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createLogger } from '../../src/logger.js';
import { onStop, tell } from '../lib/child.js';

const role = process.env.ROLE === 'server' ? 'server' : 'worker';
const env = loadEnv(
  {
    GITEA_URL: process.env.GITEA_URL,
    GITEA_TOKEN: process.env.GITEA_TOKEN,
    WEBHOOK_SECRET: process.env.WEBHOOK_SECRET,
    PROGRAM_REPO: 'fleet/program',
    REDIS_URL: process.env.REDIS_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  },
  role === 'server' ? 'serve' : 'worker',
);
const runtime = await startRuntime({
  env,
  config: defaultProgramConfig(),
  log: createLogger('silent'),
  server: role === 'server',
  worker: role === 'worker',
});
void tell({ port: runtime.port ?? 0 });
onStop(() => runtime.stop());
