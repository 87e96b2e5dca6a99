import { createServer, type RequestListener, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createCatchUp } from './catch-up/catch-up.js';
import { createContentStore } from './catch-up/content.js';
import { createCursorStore } from './catch-up/cursor.js';
import { type Env, markerSecretOf } from './config/env.js';
import { ConfigError } from './config/errors.js';
import type { ProgramConfig } from './config/program.js';
import { createCore } from './core.js';
import { isRelevant } from './engine/relevance.js';
import { createGiteaClient, type GiteaClient, GiteaError } from './gitea/client.js';
import { teamsProblem } from './gitea/teams.js';
import { createReadiness } from './install/readiness.js';
import { mountAdminDashboard } from './intake/admin.js';
import { type AdmitDeps, createAdmit } from './intake/admit.js';
import { createIntakeApp, type IntakeDeps } from './intake/app.js';
import { intakeDeliveryNotes } from './intake/delivery-notes.js';
import { intakeListener } from './intake/fast-path.js';
import { createMetrics } from './metrics.js';
import { createDelayedEnqueue } from './queue/enqueue.js';
import { createEventQueue, registerCatchUp, registerSchedules, scheduleCrons } from './queue/event-queue.js';
import { startEventWorker } from './queue/event-worker.js';
import { createAcceptDelivery } from './queue/intake-log.js';
import { startIntakeMover } from './queue/intake-mover.js';
import { type DataDirRedis, openDataDirRedis } from './redis/data-dir.js';
import { createInstanceStore } from './store/instances.js';
import { createIssueLock } from './store/issue-lock.js';
import { issueKey } from './store/keys.js';
import { createPingStore } from './store/pings.js';
import { loadTemplates } from './templates.js';
import { loadWorkflows } from './workflows/registry.js';

export type RuntimeOptions = {
  env: Env;
  config: ProgramConfig;
  log: Logger;
  server: boolean;
  worker: boolean;
};
export type Runtime = { port?: number; stop: () => Promise<void> };

/** Starts the webhook server and/or the worker on one Redis; `stop` drains and closes within a bound. */
export async function startRuntime({ env, config, log, server, worker }: RuntimeOptions): Promise<Runtime> {
  const templates = loadTemplates();
  const definitions = loadWorkflows(templates, config).map((w) => w.definition);
  let embedded: DataDirRedis | undefined;
  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    embedded = await openDataDirRedis(env.DATA_DIR, { owner: 'serve', command: server ? 'serve' : 'worker' });
    redisUrl = embedded.url;
    log.info(
      { dataDir: env.DATA_DIR },
      embedded.shared
        ? 'using the embedded redis-server of the bot already running on DATA_DIR'
        : 'started an embedded redis-server (set REDIS_URL to use your own); CLI commands on DATA_DIR connect to it',
    );
  }
  const metrics = createMetrics();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // The intake must fail fast while Redis is down (503, so Gitea's delivery can be replayed), not queue commands.
  const intakeRedis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await Promise.all([redis, intakeRedis].map((connection) => untilReady(connection, log)));
  const pings = createPingStore(intakeRedis);
  const instances = createInstanceStore(intakeRedis);
  const workflowNames = definitions.map((d) => d.name);
  const contents = createContentStore(intakeRedis);
  const queue = createEventQueue(intakeRedis, { attempts: env.JOB_ATTEMPTS, backoffMs: env.JOB_BACKOFF_MS });
  const gitea = createGiteaClient({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
    metrics,
  });
  const bot = { login: undefined as string | undefined };
  const loginReady = resolveBotLogin(gitea, log, env.GITEA_URL ?? '').then((login) => {
    bot.login = login;
    return login;
  });
  // A configured team the bot cannot read recognises nobody: say so once, loudly, at start-up.
  void loginReady
    .then((login) => teamsProblem(gitea, config.maintainers.teams, login))
    .then((problem) => {
      if (problem) log.error({ teams: config.maintainers.teams }, problem);
    });

  // Without a worker nothing awaits the login: a rejected token then shows in /readyz and the log.
  if (!worker) loginReady.catch((err: Error) => log.error(err.message));

  const admitDeps: AdmitDeps = {
    enqueue: createAcceptDelivery(intakeRedis),
    isRelevant: (event) =>
      isRelevant(event, definitions, config.quality.repos, [env.PROGRAM_REPO ?? '', ...config.program.repos]),
    awaitsAnswer: (event) => pings.awaitsAnswer(issueKey(event.repo, event.issue.number)),
    tracks: (event) => instances.tracks(event.repo, event.issue.number, workflowNames),
    botLogin: () => bot.login,
    noteContent: contents.note,
  };

  const closers: (() => Promise<unknown>)[] = [];
  let port: number | undefined;
  if (server) {
    // The last delivery per repository, for /readyz (init, doctor): in memory, no Redis write per delivery.
    const notes = intakeDeliveryNotes(intakeRedis, [env.PROGRAM_REPO ?? '', ...config.quality.repos], log);
    const intakeDeps: IntakeDeps = {
      secret: env.WEBHOOK_SECRET ?? '',
      maxBodyBytes: env.WEBHOOK_MAX_BYTES,
      ...admitDeps,
      metrics,
      log,
      readiness: createReadiness(env, config, intakeRedis, { gitea, botLogin: () => bot.login }),
      notes,
    };
    const app = createIntakeApp(intakeDeps);
    const dashboard = mountAdminDashboard(app, {
      queues: [queue],
      user: env.ADMIN_USER,
      password: env.ADMIN_PASSWORD,
    });
    const httpServer = await listen(
      intakeListener(intakeDeps, getRequestListener(app.fetch)),
      env.PORT,
      env.HOST,
    );
    port = (httpServer.address() as { port: number }).port;
    log.info(
      { port, dashboard: dashboard ? '/admin/queues' : 'off' },
      'webhook server listening on POST /webhooks/gitea',
    );
    closers.push(
      () => new Promise((done) => httpServer.close(() => done(undefined))),
      () => notes.flush(),
    );
  }
  if (worker) {
    const botLogin = await loginReady;
    const core = createCore({
      redis,
      gitea,
      config,
      templates,
      programRepo: env.PROGRAM_REPO ?? '',
      botLogin,
      markerSecret: markerSecretOf(env),
      giteaUrl: env.GITEA_URL ?? '',
      enqueueAt: createDelayedEnqueue(queue),
      log,
    });
    const eventWorker = startEventWorker({
      connection: redis,
      handleEvent: core.handleEvent,
      runSchedule: core.runSchedule,
      catchUp: createCatchUp({
        gitea,
        cursors: createCursorStore(redis),
        contents,
        admit: createAdmit(admitDeps),
        repos: watchedRepos(env.PROGRAM_REPO ?? '', config.quality.repos),
        firstLookbackMs: config.catchUp.firstLookback,
        log,
      }),
      lock: createIssueLock(redis, env.WORKER_LOCK_MS),
      lockMs: env.WORKER_LOCK_MS,
      concurrency: env.WORKER_CONCURRENCY,
      metrics,
      log,
    });
    // Accepted deliveries wait in the intake stream until a worker moves them into the queue.
    const mover = startIntakeMover({ connection: redis, queue, log });
    await registerSchedules(queue, config);
    await registerCatchUp(queue, config.catchUp.every);
    log.info(
      { concurrency: env.WORKER_CONCURRENCY, botLogin, schedules: scheduleCrons(config) },
      'worker started',
    );
    closers.push(
      () => mover.close(),
      () => eventWorker.close(),
    );
  }

  const stop = async () => {
    const deadline = new Promise((done) => setTimeout(done, env.SHUTDOWN_TIMEOUT_MS).unref());
    const drain = (async () => {
      for (const close of closers) await close().catch((err) => log.warn({ err }, 'while closing'));
      await queue.close().catch(() => undefined);
    })();
    await Promise.race([drain, deadline]);
    redis.disconnect();
    intakeRedis.disconnect();
    await embedded?.stop();
  };
  return { ...(port !== undefined ? { port } : {}), stop };
}

/** The program repository and the quality-checked ones, each once (Gitea names are case-insensitive). */
function watchedRepos(programRepo: string, qualityRepos: readonly string[]): string[] {
  const repos = new Map<string, string>();
  for (const repo of [programRepo, ...qualityRepos]) if (repo) repos.set(repo.toLowerCase(), repo);
  return [...repos.values()];
}

function untilReady(connection: Redis, log: Logger): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  const slow = setTimeout(() => log.warn('waiting for Redis to accept connections'), 2_000);
  return new Promise<void>((resolve) => connection.once('ready', () => resolve())).finally(() =>
    clearTimeout(slow),
  );
}

/**
 * Asks Gitea who the bot is, retrying while Gitea cannot be reached (the bot must know its own
 * comments); a 401 is not retried: the token is wrong and waiting will not fix it.
 */
async function resolveBotLogin(gitea: GiteaClient, log: Logger, giteaUrl: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const user = await gitea.currentUser();
      if (user.login) return user.login;
    } catch (err) {
      if (err instanceof GiteaError && err.status === 401) {
        throw new ConfigError('GITEA_TOKEN', [
          `token rejected by ${giteaUrl} (401 on GET /user): create a new access token for the bot account (see \`operator-bot doctor\`)`,
        ]);
      }
      log.warn({ err, attempt }, 'cannot reach Gitea to learn the bot account (GET /user); retrying');
    }
    await new Promise((done) => setTimeout(done, Math.min(1000 * attempt, 15_000)));
  }
}

function listen(listener: RequestListener, port: number, hostname: string): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const httpServer = createServer(listener);
    // Node closes an idle keep-alive connection after 5 s; a client about to reuse it then sees
    // "socket closed" on its POST (Go's client, Gitea's webhook sender, keeps idle connections
    // 90 s and does not retry a POST). A longer idle time makes that race rare.
    httpServer.keepAliveTimeout = 65_000;
    httpServer.headersTimeout = 66_000;
    httpServer.once('error', reject);
    httpServer.listen(port, hostname, () => resolveListen(httpServer));
  });
}
