// Our intake: the real runtime on the Redis the parent gives in REDIS_URL; server only, or with
// WITH_WORKER=1 as `operator-bot serve` runs (server and worker in one process).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRuntime } from '../../src/app/runtime.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createLogger } from '../../src/logger.js';
import { onStop, tell } from '../lib/child.js';
import { SECRET } from './deliveries.js';

const withWorker = process.env.WITH_WORKER === '1';
// A sink for Gitea: who the bot is (GET /user), a reader's permission, empty lists, and an id for
// every write (the worker's replies), so the worker's jobs complete without retries.
let nextId = 1;
const gitea = createServer((req, res) => {
  req.resume();
  const url = req.url ?? '';
  const method = req.method ?? 'GET';
  const body =
    url === '/api/v1/user'
      ? { id: 1, login: 'operator-bot' }
      : url.endsWith('/permission')
        ? { permission: 'read' }
        : method === 'GET'
          ? []
          : { id: nextId++, body: '' };
  res.writeHead(method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
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
  worker: withWorker,
});
void tell({ port: runtime.port });
onStop(async () => {
  await runtime.stop();
  gitea.close();
});
