// The composition root (with app/runtime.ts for the long-running processes): the one place where
// the bot's parts are created and connected. It wires and decides nothing: every rule lives in the
// module it connects.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { commandCatalog } from '../commands/catalog.js';
import { PROGRAM_COMMANDS } from '../commands/program.js';
import { type Env, markerSecretOf } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { createMarkerSeal } from '../domain/text/marker.js';
import { isRelevant } from '../engine/relevance.js';
import { botLabels } from '../gitea/bot-labels.js';
import { botLoginOf } from '../gitea/bot-login.js';
import { createGiteaClient, type GiteaClient, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import { createLabelCatalog } from '../gitea/labels.js';
import { createMaintainerCheck } from '../gitea/maintainers.js';
import { createProgramIssues } from '../gitea/program-issues.js';
import { createIssueWriter } from '../gitea/writer.js';
import type { Metrics } from '../metrics.js';
import { createWorkerNotifier } from '../notify/chat.js';
import { createPullChecker } from '../quality/check-pull.js';
import { createOwedRuns, createScheduleDebt, type OwedRunsDeps } from '../schedules/owed-runs.js';
import { createScheduleRunner } from '../schedules/runner.js';
import { createAlertStore } from '../store/alerts.js';
import { createAppliedCommandStore } from '../store/applied-commands.js';
import { createInstanceStore } from '../store/instances.js';
import { createOpenIssueIndex } from '../store/open-issues.js';
import { createOperatorStore } from '../store/operators.js';
import { createOwedScheduleStore } from '../store/owed-schedules.js';
import { createPartnerReportStore } from '../store/partner-reports.js';
import { createPaymentStore } from '../store/payments.js';
import { createPeople } from '../store/people.js';
import { createPingStore } from '../store/pings.js';
import { createReportStore } from '../store/reports.js';
import { createRotationStore } from '../store/rotations.js';
import { createDeliveryConfirmation } from '../worker/confirm-delivery.js';
import { createIssueReader } from '../worker/current-issue.js';
import type { DelayedEvent } from '../worker/delayed-event.js';
import { createFailedEventNotifier, createOwedNotes } from '../worker/failed-event-note.js';
import { createEventHandler, type HandlerDeps } from '../worker/handle-event.js';
import { createIdentifier, type Identify } from '../worker/identify.js';
import { createInstancePeople } from '../worker/instance-people.js';
import { createProgramIssueOpener, type ProgramIssueOpener } from '../worker/open-program-issue.js';
import { createReminderRefresher } from '../worker/refresh-reminder.js';
import { createStatusRestorer } from '../worker/restore-status.js';
import { createNotAppliedLive, createSignedAnswers } from '../worker/signed-answers.js';
import { createStatusSeen } from '../worker/status-seen.js';
import { applicationsOf } from '../workflows/onboarding/applications.js';
import { paidMonths } from '../workflows/payroll/paid-months.js';
import { createPayrollRefresher } from '../workflows/payroll/refresh.js';
import { createPayrollSource } from '../workflows/payroll/sources.js';
import type { FactServices } from '../workflows/services.js';
import { loadProgram, type Program } from './program.js';

export type RoadDeps = Program & {
  redis: Redis;
  gitea: GiteaClient;
  config: ProgramConfig;
  programRepo: string;
  botLogin: string;
  /** The secret the bot's marker MACs are keyed from: `MARKER_SECRET`, else the bot's token (markerSecretOf). */
  markerSecret: string;
  /** Gitea's web address, to recognise full issue URLs in pull requests. */
  giteaUrl?: string;
  enqueueAt: (timer: DelayedEvent) => Promise<void>;
  /** Whether the worker reads each issue (and, at a payroll `/approve`, its status comment) from Gitea before deciding. Default: yes; `rebuild` decides on history as it was. */
  readsIssues?: boolean;
  /** Chat notifications; default: the channels of `escalation` in the program config (notify/chat.ts). */
  notify?: HandlerDeps['notify'];
  /** Opens program issues (and schedules' issues); default: in the program repo, for real. */
  openProgramIssue?: ProgramIssueOpener;
  /** Told of each event that changed someone's login (rebuild: one it did not foresee replays again alone). */
  onRenamed?: (event: BotEvent) => void;
  log: Logger;
};

/** The decide → apply road shared by the worker, `replay`, `payroll open` and `rebuild`. */
export function composeRoad(deps: RoadDeps) {
  const { workflows, config, redis, gitea, botLogin, programRepo, log } = deps;
  const programRepos = [programRepo, ...config.program.repos];
  const definitions = workflows.map((w) => w.definition);
  const labels = createLabelCatalog(gitea, botLabels(definitions));
  const seal = createMarkerSeal(deps.markerSecret);
  const writer = { gitea, labels, redis, botLogin, seal };
  const registry = createOperatorStore(redis);
  const reports = createReportStore(redis);
  const alerts = createAlertStore(redis);
  const payments = createPaymentStore(redis);
  const partnerReports = createPartnerReportStore(redis);
  const rotations = createRotationStore(redis);
  const pings = createPingStore(redis);
  const instances = createInstanceStore(redis);
  const programIssues = createProgramIssues({ gitea, labels, redis, programRepo, botLogin, seal, log });
  const openProgramIssue =
    deps.openProgramIssue ??
    createProgramIssueOpener({ programIssues, programRepo, botLogin, enqueueAt: deps.enqueueAt });
  const runSchedule = createScheduleRunner({
    rotations,
    applications: async () => applicationsOf(await instances.all()),
    noteInProgramIssue: (issue, key, body) =>
      createIssueWriter(writer, repoRef(programRepo), issue).note(key, body),
    registry,
    reports,
    programIssues,
    render: deps.templates.render,
    config,
    botLogin,
    openProgramIssue,
    log,
  });
  const payroll = createPayrollSource(
    { registry, reports, alerts, partnerReports, rotations, pings },
    config,
  );
  const people = createPeople(redis);
  // Off in `rebuild`: history is decided as it was, not on today's issues and comments.
  const readsGitea = deps.readsIssues ?? true;
  const services: FactServices = {
    operator: (login) => registry.get(login),
    payments: (month) => payments.inMonth(month),
    txUses: (txs) => payments.uses(txs),
    standards: payroll.standards,
    payrollInput: payroll.input,
    statusSeen: createStatusSeen({ gitea, redis, seal: writer.seal, botLogin, readsGitea }),
  };
  const handleEvent = createEventHandler({
    workflows,
    config,
    render: deps.templates.render,
    instances,
    appliedCommands: createAppliedCommandStore(redis),
    paidMonths: async () => paidMonths(await instances.all()),
    registry,
    alerts,
    payments,
    // Replayed too: a rebuild must void approvals where the live bot did, or it pays other amounts.
    refreshPayrolls: createPayrollRefresher({ instances, botLogin, enqueueAt: deps.enqueueAt }),
    openProgramIssue,
    services,
    reports,
    commands: PROGRAM_COMMANDS,
    catalog: commandCatalog(definitions),
    partnerReports,
    rotations,
    pings,
    checkPull: createPullChecker(gitea, deps.giteaUrl ?? ''),
    refreshReminder: createReminderRefresher({ programIssues, runSchedule }),
    notify: deps.notify ?? createWorkerNotifier(config.escalation).notify,
    openIssues: createOpenIssueIndex(redis),
    writer,
    programRepos,
    programRepo,
    instancePeople: createInstancePeople(people),
    identify: watchRenames(
      createIdentifier({ gitea, people, legacyKeys: registry.keys, log }),
      deps.onRenamed,
    ),
    isMaintainer: createMaintainerCheck(gitea, redis, config, programRepo, botLogin),
    enqueueAt: deps.enqueueAt,
    ...(readsGitea
      ? {
          readIssue: createIssueReader(gitea),
          confirmDelivery: createDeliveryConfirmation(gitea, programRepo, botLogin),
        }
      : // History replayed in the order written: what the live bot refused as older stays refused.
        {
          notAppliedLive: createNotAppliedLive(createSignedAnswers({ gitea, seal: writer.seal, botLogin })),
        }),
    log,
  });
  const owedSchedules = createOwedScheduleStore(redis);
  // A person's edit of a status comment is written back, not decided (off in rebuild: no edits).
  const restoreStatus = createStatusRestorer(
    writer,
    workflows.map((w) => w.definition.name),
  );
  return {
    workflows,
    handleEvent: async (event: BotEvent) =>
      readsGitea && (await restoreStatus(event)) ? undefined : handleEvent(event),
    runSchedule,
    noteFailedEvent: createFailedEventNotifier(writer),
    postOwedNotes: createOwedNotes(writer),
    oweSchedule: createScheduleDebt(owedSchedules),
    /** Runs the owed scheduled runs; `queue` says which failed jobs still owe theirs and settles them. */
    runOwedSchedules: (queue: Pick<OwedRunsDeps, 'stillOwed' | 'settled' | 'failedForGood'>) =>
      createOwedRuns({ store: owedSchedules, runSchedule, log, ...queue })(),
    isRelevant: (event: BotEvent) => isRelevant(event, definitions, config.quality.repos, programRepos),
  };
}

/** `identify` telling `onRenamed` of each event that changed someone's login. */
const watchRenames =
  (identify: Identify, onRenamed?: (event: BotEvent) => void): Identify =>
  async (event) => {
    const renamed = await identify(event);
    if (renamed) onRenamed?.(event);
    return renamed;
  };

/** The Gitea client of the environment's bot account (`metrics`: the server's request counters). */
export const giteaFromEnv = (env: Env, metrics?: Metrics): GiteaClient =>
  createGiteaClient({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
    ...(metrics ? { metrics } : {}),
  });

/** The worker's road for a one-shot command (`replay`, `payroll open`): the bot's own login is asked of Gitea first. */
export async function composeForCommand(deps: {
  env: Env;
  config: ProgramConfig;
  /** Default: loaded here (a one-shot command composes the road once). */
  program?: Program;
  log: Logger;
  redis: Redis;
  gitea: GiteaClient;
  enqueueAt: (job: DelayedEvent) => Promise<void>;
  readsIssues?: boolean;
}) {
  const { env, gitea } = deps;
  const botLogin = await botLoginOf(gitea);
  return composeRoad({
    ...(deps.program ?? loadProgram(deps.config)),
    redis: deps.redis,
    gitea,
    config: deps.config,
    programRepo: env.PROGRAM_REPO ?? '',
    botLogin,
    markerSecret: markerSecretOf(env),
    giteaUrl: env.GITEA_URL ?? '',
    enqueueAt: deps.enqueueAt,
    ...(deps.readsIssues !== undefined ? { readsIssues: deps.readsIssues } : {}),
    log: deps.log,
  });
}
