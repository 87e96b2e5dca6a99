import { getRequestListener } from '@hono/node-server';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createCatchUp } from '../catch-up/catch-up.js';
import { watchedRepos } from '../catch-up/watched-repos.js';
import { type Env, markerSecretOf } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { inProgramRepos, isRelevant } from '../engine/relevance.js';
import { resolveBotLogin } from '../gitea/bot-login.js';
import { teamsProblem } from '../gitea/teams.js';
import { createReadiness } from '../install/readiness.js';
import { mountAdminDashboard } from '../intake/admin.js';
import { type AdmitDeps, createAdmit } from '../intake/admit.js';
import { createIntakeApp, type IntakeDeps } from '../intake/app.js';
import { intakeDeliveryNotes } from '../intake/delivery-notes.js';
import { intakeListener } from '../intake/fast-path.js';
import { createIssueChangeNotes } from '../intake/issue-change-notes.js';
import { listen } from '../intake/listen.js';
import { createMetrics } from '../metrics.js';
import { createDelayedEnqueue } from '../queue/enqueue.js';
import { createEventQueue, registerCatchUp, registerSchedules, scheduleCrons } from '../queue/event-queue.js';
import { startEventWorker } from '../queue/event-worker.js';
import { failedScheduleJobs } from '../queue/failed-schedules.js';
import { createAcceptDelivery } from '../queue/intake-log.js';
import { startIntakeMover } from '../queue/intake-mover.js';
import { serveRedis } from '../redis/serve-redis.js';
import { untilReady } from '../redis/until-ready.js';
import { watchRedis } from '../redis/watch.js';
import { createCursorStore } from '../store/catch-up-cursors.js';
import { createInstanceStore } from '../store/instances.js';
import { beatWhileRunning } from '../store/intake-presence.js';
import { createIssueChanged } from '../store/issue-changed.js';
import { createContentStore } from '../store/issue-contents.js';
import { createIssueLock } from '../store/issue-lock.js';
import { issueKey } from '../store/keys.js';
import { createPingStore } from '../store/pings.js';
import { composeRoad, giteaFromEnv } from './compose.js';
import { loadProgram, type Program } from './program.js';

export type RuntimeOptions = {
  env: Env;
  config: ProgramConfig;
  log: Logger;
  server: boolean;
  worker: boolean;
  /** The templates and workflows, loaded once per process; default: loaded here. */
  program?: Program;
};
export type Runtime = { port?: number; stop: () => Promise<void> };

/**
 * The long-running processes' part of the composition root: starts the webhook server and/or the
 * worker on one Redis; `stop` drains and closes within SHUTDOWN_TIMEOUT_MS.
 */
export async function startRuntime({
  env,
  config,
  log,
  server,
  worker,
  ...given
}: RuntimeOptions): Promise<Runtime> {
  const program = given.program ?? loadProgram(config);
  const definitions = program.workflows.map((w) => w.definition);
  const programRepo = env.PROGRAM_REPO ?? '';
  const { url: redisUrl, embedded } = await serveRedis(env, server ? 'serve' : 'worker', log);
  const metrics = createMetrics();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // The intake must fail fast while Redis is down (503, so Gitea's delivery can be replayed), not queue commands.
  const intakeRedis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await Promise.all([redis, intakeRedis].map((connection) => untilReady(connection, log)));
  const watch = await watchRedis(redis, log);
  const pings = createPingStore(intakeRedis);
  const instances = createInstanceStore(intakeRedis);
  const workflowNames = definitions.map((d) => d.name);
  const contents = createContentStore(intakeRedis);
  const issueChanges = createIssueChangeNotes(
    (repo) => inProgramRepos(repo, [programRepo, ...config.program.repos]),
    createIssueChanged(intakeRedis).noteAll,
  );
  const queue = createEventQueue(intakeRedis, { attempts: env.JOB_ATTEMPTS, backoffMs: env.JOB_BACKOFF_MS });
  const gitea = giteaFromEnv(env, metrics);
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
    programRepo,
    isRelevant: (event) =>
      isRelevant(event, definitions, config.quality.repos, [programRepo, ...config.program.repos]),
    awaitsAnswer: (event) => pings.awaitsAnswer(issueKey(event.repo, event.issue.number)),
    tracks: (event) => instances.tracks(event.repo, event.issue.number, workflowNames),
    botLogin: () => bot.login,
    noteContent: contents.note,
    issueChanges,
  };

  const closers: (() => Promise<unknown>)[] = [];
  let port: number | undefined;
  let presence: Awaited<ReturnType<typeof beatWhileRunning>> | undefined;
  if (server) {
    // Counted as running before the first delivery: workers then know another intake may hold changes.
    presence = await beatWhileRunning(intakeRedis, (err) =>
      log.debug({ err }, 'intake presence beat failed'),
    );
    // The last delivery per repository, for /readyz (init, doctor): in memory, no Redis write per delivery.
    // Every repository init sets a hook on: init reads its test delivery's note to fix the hook's secret.
    const notes = intakeDeliveryNotes(
      intakeRedis,
      [programRepo, ...config.program.repos, ...config.quality.repos],
      log,
    );
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
    const road = composeRoad({
      ...program,
      redis,
      gitea,
      config,
      programRepo,
      botLogin,
      markerSecret: markerSecretOf(env),
      giteaUrl: env.GITEA_URL ?? '',
      enqueueAt: createDelayedEnqueue(queue),
      log,
    });
    const eventWorker = startEventWorker({
      connection: redis,
      handleEvent: road.handleEvent,
      runSchedule: road.runSchedule,
      noteFailedEvent: road.noteFailedEvent,
      postOwedNotes: () => road.postOwedNotes(async (jobId) => (await queue.getJobState(jobId)) === 'failed'),
      oweSchedule: road.oweSchedule,
      // A job no longer kept (removeOnFail) still owes its run; one a person retried does not.
      runOwedSchedules: () =>
        road.runOwedSchedules({
          stillOwed: async (jobId) => ['failed', 'unknown'].includes(await queue.getJobState(jobId)),
          failedForGood: () => failedScheduleJobs(queue),
          settled: async (jobId) => {
            if ((await queue.getJobState(jobId)) === 'failed') await queue.remove(jobId);
          },
        }),
      catchUp: createCatchUp({
        gitea,
        cursors: createCursorStore(redis),
        contents,
        admit: createAdmit(admitDeps),
        repos: watchedRepos(programRepo, config.program.repos, config.quality.repos),
        firstLookbackMs: config.catchUp.firstLookback,
        log,
      }),
      lock: createIssueLock(redis, env.WORKER_LOCK_MS),
      pending: async (jobId) => !['completed', 'failed', 'unknown'].includes(await queue.getJobState(jobId)),
      lockMs: env.WORKER_LOCK_MS,
      attempts: env.JOB_ATTEMPTS,
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
    // Even when a job outlived the deadline: the changes the intake dropped exist nowhere else.
    const flushed = await issueChanges.flush().then(
      () => true,
      (err) => {
        log.warn({ err }, 'could not note the issue changes kept in memory');
        return false;
      },
    );
    // Not written: the process keeps counting as running, so comments are read until it would not matter.
    await presence?.stop(flushed);
    watch.stop();
    redis.disconnect();
    intakeRedis.disconnect();
    await embedded?.stop();
  };
  return { ...(port !== undefined ? { port } : {}), stop };
}
