import type { Logger } from 'pino';
import type { Effect } from '../engine/effects.js';
import { type BotEvent, followUpOf } from '../gitea/event.js';
import type { IssueWriter, WriterDeps } from '../gitea/writer.js';
import type { Notification } from '../notify/message.js';
import { jobIdOf } from '../queue/job-id.js';
import type { AlertStore } from '../store/alerts.js';
import { createNotificationMarks } from '../store/notifications.js';
import type { OperatorStore } from '../store/operators.js';
import type { PartnerReportStore } from '../store/partner-reports.js';
import { LedgerConflict, type PaymentStore } from '../store/payments.js';
import type { PingStore } from '../store/pings.js';
import type { ReportStore } from '../store/reports.js';
import type { RotationStore } from '../store/rotations.js';
import type { DelayedEvent } from './delayed-event.js';
import type { ProgramIssueOpener } from './open-program-issue.js';
import { pingDeadline } from './pings.js';
import type { ReminderRefresher } from './refresh-reminder.js';

/** Effects that change what a month's payroll is computed from (or the ledger it is paid against). */
export const PAYROLL_INPUTS: ReadonlySet<Effect['type']> = new Set([
  'recordOperatorEvent',
  'recordAlert',
  'storeReport',
  'filePartnerReport',
  'recordRotation',
  'startPing',
  'recordPayment',
]);

/** The ledger is written before anything is shown in Gitea: what the issue says follows the ledger. */
export const ledgerFirst = (effects: readonly Effect[]) => [
  ...effects.filter((e) => e.type === 'recordPayment'),
  ...effects.filter((e) => e.type !== 'recordPayment'),
];

/** Effects applied through the issue writer: writes to the event's issue in Gitea, and only there. */
export const GITEA_EFFECTS: ReadonlySet<Effect['type']> = new Set([
  'setStateLabel',
  'upsertStatusComment',
  'reply',
  'restoreStateLabel',
  'closeIssue',
  'reopenIssue',
  'postNote',
]);

/** What applying an effect writes to: Gitea (through the issue writer), the Redis stores, the queue, the chat channels. */
export type EffectDeps = {
  registry: OperatorStore;
  alerts: AlertStore;
  reports: ReportStore;
  /** A stored report refreshes its week's reminder issue, if there is one. */
  refreshReminder: ReminderRefresher;
  rotations: RotationStore;
  pings: PingStore;
  partnerReports: PartnerReportStore;
  payments: PaymentStore;
  openProgramIssue: ProgramIssueOpener;
  /** Sends a chat notification to every configured channel; never throws. */
  notify: (notification: Notification) => Promise<{ channel: string; ok: boolean; error?: string }[]>;
  writer: WriterDeps;
  enqueueAt: (timer: DelayedEvent) => Promise<void>;
};

/**
 * Applies one decided effect of `workflow` ('' for program commands) on the event's issue. Every
 * effect is idempotent, so a job that fails part-way applies them again. Throws `LedgerConflict`
 * when a payment was recorded meanwhile by another issue (the job then decides again).
 */
export function createEffectApplier(deps: EffectDeps) {
  const notified = createNotificationMarks(deps.writer.redis);
  return apply;

  /** A notification per key is sent once; a channel that fails is logged, the Gitea comment stays the record. */
  async function notifyOnce(effect: Extract<Effect, { type: 'notify' }>, event: BotEvent, log: Logger) {
    if (!(await notified.first(event.repo, event.issue.number, effect.key))) return;
    for (const result of await deps.notify(effect.notification)) {
      if (!result.ok)
        log.warn({ channel: result.channel, error: result.error, key: effect.key }, 'notification failed');
    }
  }

  async function apply(
    effect: Effect,
    writer: IssueWriter,
    workflow: string,
    event: BotEvent,
    log: Logger,
  ): Promise<void> {
    switch (effect.type) {
      case 'setStateLabel':
        return writer.setStateLabel(effect.scope, effect.label);
      case 'upsertStatusComment':
        await writer.upsertStatusComment(workflow, effect.body, effect.marker);
        return;
      case 'reply':
        return writer.reply(effect.toCommentId, effect.body, effect.linkStatusOf, effect.sealed);
      case 'restoreStateLabel':
        if (await writer.restoreStateLabel(effect.scope, effect.label))
          await writer.note(effect.noteKey, effect.note);
        return;
      case 'closeIssue':
        await writer.close();
        return;
      case 'reopenIssue':
        await writer.reopen();
        return;
      case 'recordOperatorEvent':
        // The open payroll issues are refreshed after the event (the history is an input).
        return deps.registry.append(effect.login, effect.event);
      case 'recordAlert':
        return deps.alerts.put(effect.alert);
      case 'postNote':
        return writer.note(effect.key, effect.body);
      case 'notify':
        return notifyOnce(effect, event, log);
      case 'recordRotation':
        return deps.rotations.record(effect.login, effect.at);
      case 'startPing':
        await deps.pings.open(effect.ping);
        return deps.enqueueAt(pingDeadline(effect.ping, event));
      case 'filePartnerReport':
        // The open payroll issues are refreshed after the event (a partner report is an input).
        return deps.partnerReports.file(effect.month, effect.login);
      case 'recordPayment': {
        // Decided on the ledger as loaded; another issue may have recorded since. Failing the job
        // makes it decide again on the ledger as it is now, and refuse with the reason.
        const recorded = await deps.payments.record(effect.payment);
        if (recorded.outcome === 'paid' || recorded.outcome === 'tx') throw new LedgerConflict(recorded);
        return;
      }
      case 'openProgramIssue':
        await deps.openProgramIssue(effect, event);
        return;
      case 'storeReport':
        return deps.reports.put(effect.login, { report: effect.report, source: effect.source });
      case 'refreshReminder':
        return deps.refreshReminder(effect.week);
      case 'scheduleTimer':
        return deps.enqueueAt(timerRequest(effect, workflow, event));
    }
  }
}

function timerRequest(effect: Extract<Effect, { type: 'scheduleTimer' }>, workflow: string, cause: BotEvent) {
  const event: BotEvent = {
    kind: 'timer.fired',
    repo: cause.repo,
    issue: cause.issue,
    actor: 'operator-bot',
    at: effect.dueAt,
    timer: { workflow, name: effect.name, forState: effect.forState, forVersion: effect.forVersion },
    ...followUpOf(cause),
  };
  return {
    event,
    dueAt: effect.dueAt,
    jobId: jobIdOf('timer', cause.repo, cause.issue.number, workflow, effect.name, `v${effect.forVersion}`),
  };
}
