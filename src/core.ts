import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PROGRAM_COMMANDS } from './commands/registry.js';
import type { ProgramConfig } from './config/program.js';
import { createMarkerSeal } from './domain/text/marker.js';
import type { FactServices } from './engine/module.js';
import { isRelevant } from './engine/relevance.js';
import { botLabels } from './gitea/bot-labels.js';
import type { GiteaClient } from './gitea/client.js';
import { repoRef } from './gitea/client.js';
import type { BotEvent } from './gitea/event.js';
import { createLabelCatalog } from './gitea/labels.js';
import { createProgramIssues } from './gitea/program-issues.js';
import { createMaintainerCheck } from './gitea/roles.js';
import { createIssueWriter } from './gitea/writer.js';
import { createNotifier } from './notify/index.js';
import { createPullChecker } from './quality/check-pull.js';
import { createScheduleRunner } from './schedules/runner.js';
import { reminderKey } from './schedules/weekly-reminder.js';
import { createAlertStore } from './store/alerts.js';
import { createAppliedCommandStore } from './store/applied-commands.js';
import { createInstanceStore } from './store/instances.js';
import { createOpenIssueIndex } from './store/open-issues.js';
import { createOperatorStore } from './store/operators.js';
import { createPartnerReportStore } from './store/partner-reports.js';
import { createPaymentStore } from './store/payments.js';
import { createPeople } from './store/people.js';
import { createPingStore } from './store/pings.js';
import { createReportStore } from './store/reports.js';
import { createRotationStore } from './store/rotations.js';
import type { Templates } from './templates.js';
import { createIssueReader } from './worker/current-issue.js';
import { createEventHandler, type DelayedEvent, type HandlerDeps } from './worker/handle-event.js';
import { createIdentifier } from './worker/identify.js';
import { createProgramIssueOpener } from './worker/open-program-issue.js';
import { loadWorkflows } from './workflows/all.js';
import { onboardingData } from './workflows/onboarding/data.js';
import { createPayrollRefresher } from './workflows/payroll/refresh.js';
import { createPayrollSource } from './workflows/payroll/sources.js';

export type CoreDeps = {
  redis: Redis;
  gitea: GiteaClient;
  config: ProgramConfig;
  templates: Templates;
  programRepo: string;
  botLogin: string;
  /** The secret the bot's marker MACs are keyed from: `MARKER_SECRET`, else the bot's token (markerSecretOf). */
  markerSecret: string;
  /** Gitea's web address, to recognise full issue URLs in pull requests. */
  giteaUrl?: string;
  enqueueAt: (timer: DelayedEvent) => Promise<void>;
  /**
   * Replaying history (`rebuild`): issues the bot would open are in the history already, so none is
   * opened, no schedule runs and nobody is notified again.
   */
  replaying?: boolean;
  /**
   * Whether the worker reads each issue from Gitea before deciding (deliveries are hints). Default:
   * yes, except when replaying history; `replay FILE` decides on the recorded payload as it is.
   */
  readsIssues?: boolean;
  /** Chat notifications; by default the channels of `escalation` in the program config. */
  notify?: HandlerDeps['notify'];
  log: Logger;
};

/** Chat notifications must not hold an issue's jobs for long: a few quick tries, then the comment is the record. */
const NOTIFY_OPTIONS = { timeoutMs: 5_000, retry: { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 } };

/** The decide → apply road shared by the worker, `replay` and `rebuild`. */
export function createCore(deps: CoreDeps) {
  const workflows = loadWorkflows(deps.templates, deps.config);
  const programRepos = [deps.programRepo, ...deps.config.program.repos];
  const definitions = workflows.map((w) => w.definition);
  const labels = createLabelCatalog(deps.gitea, botLabels(definitions));
  const seal = createMarkerSeal(deps.markerSecret);
  const registry = createOperatorStore(deps.redis);
  const reports = createReportStore(deps.redis);
  const programIssues = createProgramIssues({
    gitea: deps.gitea,
    labels,
    redis: deps.redis,
    programRepo: deps.programRepo,
    botLogin: deps.botLogin,
    seal,
    log: deps.log,
  });
  const alerts = createAlertStore(deps.redis);
  const payments = createPaymentStore(deps.redis);
  const partnerReports = createPartnerReportStore(deps.redis);
  const opener = createProgramIssueOpener({
    programIssues,
    programRepo: deps.programRepo,
    botLogin: deps.botLogin,
    enqueueAt: deps.enqueueAt,
  });
  const openProgramIssue: typeof opener = deps.replaying ? async () => 0 : opener;
  const rotations = createRotationStore(deps.redis);
  const pings = createPingStore(deps.redis);
  const writerDeps = { gitea: deps.gitea, labels, redis: deps.redis, botLogin: deps.botLogin, seal };
  const instances = createInstanceStore(deps.redis);
  const runSchedule = createScheduleRunner({
    rotations,
    applications: async () =>
      (await instances.all())
        .filter((instance) => instance.workflow === 'onboarding')
        .map((instance) => onboardingData(instance))
        .filter((data) => data.applicant !== '' && data.openedAt !== undefined)
        .map((data) => ({
          login: data.applicant,
          openedAt: data.openedAt ?? '',
          ...(data.application?.referredBy ? { referredBy: data.application.referredBy } : {}),
        })),
    noteInProgramIssue: (issue, key, body) =>
      createIssueWriter(writerDeps, repoRef(deps.programRepo), issue).note(key, body),
    registry,
    reports,
    programIssues,
    render: deps.templates.render,
    config: deps.config,
    botLogin: deps.botLogin,
    openProgramIssue,
    log: deps.log,
  });
  const payroll = createPayrollSource(
    { registry, reports, alerts, partnerReports, rotations, pings },
    deps.config,
  );
  const services: FactServices = {
    operator: (login) => registry.get(login),
    payments: (month) => payments.inMonth(month),
    txUses: (txs) => payments.uses(txs),
    standards: payroll.standards,
    payrollInput: payroll.input,
  };
  const handleEvent = createEventHandler({
    workflows,
    config: deps.config,
    render: deps.templates.render,
    instances,
    appliedCommands: createAppliedCommandStore(deps.redis),
    registry,
    alerts,
    payments,
    // Replayed too: a rebuild must void approvals where the live bot did, or it pays other amounts.
    refreshPayrolls: createPayrollRefresher({
      instances,
      botLogin: deps.botLogin,
      enqueueAt: deps.enqueueAt,
    }),
    openProgramIssue,
    services,
    reports,
    commands: PROGRAM_COMMANDS,
    partnerReports,
    rotations,
    pings,
    checkPull: createPullChecker(deps.gitea, deps.giteaUrl ?? ''),
    // A report for a week whose reminder issue is open refreshes that issue's list.
    afterReport: async (week) => {
      if (await programIssues.exists(reminderKey(week)))
        await runSchedule({ schedule: 'weeklyReminder', week });
    },
    notify: deps.replaying
      ? async () => []
      : (deps.notify ?? createNotifier(deps.config.escalation, NOTIFY_OPTIONS).notify),
    openIssues: createOpenIssueIndex(deps.redis),
    writer: writerDeps,
    programRepos,
    identify: createIdentifier({
      gitea: deps.gitea,
      people: createPeople(deps.redis),
      legacyKeys: registry.keys,
      log: deps.log,
    }),
    isMaintainer: createMaintainerCheck(deps.gitea, deps.redis, deps.config, deps.programRepo, deps.botLogin),
    enqueueAt: deps.enqueueAt,
    // A replay decides on the history as it was, not on today's issue.
    ...((deps.readsIssues ?? !deps.replaying) ? { readIssue: createIssueReader(deps.gitea) } : {}),
    log: deps.log,
  });
  return {
    workflows,
    handleEvent,
    runSchedule,
    isRelevant: (event: BotEvent) => isRelevant(event, definitions, deps.config.quality.repos, programRepos),
  };
}
