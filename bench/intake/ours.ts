// Our intake: the real runtime, server only (no worker), on the Redis the parent gives in REDIS_URL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createLogger } from '../../src/logger.js';
import { startRuntime } from '../../src/runtime.js';
import { onStop, tell } from '../lib/child.js';
import { SECRET } from './deliveries.js';

// The server asks Gitea who the bot is (GET /user) in the background; a stub answers.
const gitea = createServer((req, res) => {
  const found = req.url === '/api/v1/user';
  res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
  res.end(found ? JSON.stringify({ id: 1, login: 'operator-bot' }) : '{}');
});
await new Promise<void>((done) => gitea.listen(0, '127.0.0.1', done));

const env = loadEnv(
  {
    GITEA_URL: `http://127.0.0.1:${(gitea.address() as AddressInfo).port}`,
    GITEA_TOKEN: 'bench-token',
    WEBHOOK_SECRET: SECRET,
    PROGRAM_REPO: 'fleet/program',
    REDIS_URL: process.env.REDIS_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  },
  'serve',
);
const runtime = await startRuntime({
  env,
  config: defaultProgramConfig(),
  log: createLogger('silent'),
  server: true,
  worker: false,
});
void tell({ port: runtime.port });
onStop(async () => {
  await runtime.stop();
  gitea.close();
});
