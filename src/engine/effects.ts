import type { AlertRecord } from '../domain/alerts/record.js';
import type { HistoryEvent } from '../domain/history/events.js';
import type { Payment } from '../domain/payments/payment.js';
import type { WeeklyReport } from '../domain/reports/schema.js';
import type { ReportSource } from '../domain/reports/stored.js';
import type { Ping } from '../domain/standards/ping.js';
import type { ProgramIssue } from '../gitea/program-issues.js';
import type { Notification } from '../notify/message.js';

/** What a decision asks the outside world to do; applied idempotently by the worker. */
export type Effect =
  | { type: 'setStateLabel'; scope: string; label: string }
  /** The workflow's one status comment: `body`, then the state marker the writer signs. */
  | { type: 'upsertStatusComment'; body: string; marker: StatusMarker }
  /** A reply to a command; with `linkStatusOf`, followed by a link to that workflow's status comment. */
  | {
      type: 'reply';
      toCommentId: number;
      body: string;
      linkStatusOf?: string;
      /** What the answers decided that rebuild reads back (`word@line position`), sealed into the reply (ANSWER_MARKER payloads after the comment id). */
      sealed?: string[];
    }
  | { type: 'scheduleTimer'; name: string; dueAt: string; forState: string; forVersion: number }
  | { type: 'closeIssue' }
  /** Puts the state label back after a person changed it; `note` is posted once per key if a label was wrong. */
  | { type: 'restoreStateLabel'; scope: string; label: string; noteKey: string; note: string }
  | { type: 'reopenIssue' }
  /** Appends an event to the operator's history (an event with the same `id` is kept once). */
  | { type: 'recordOperatorEvent'; login: string; event: HistoryEvent }
  /** A comment posted once per key (an escalation level, a proposal), never repeated. */
  | { type: 'postNote'; key: string; body: string }
  /** Chat notifications (Discord, Telegram), sent once per key. */
  | { type: 'notify'; key: string; notification: Notification }
  | { type: 'recordAlert'; alert: AlertRecord }
  | { type: 'storeReport'; login: string; report: WeeklyReport; source: ReportSource }
  /** The week's reminder issue, if open, lists who still has to report (after a report was stored). */
  | { type: 'refreshReminder'; week: string }
  /** Opens (or edits) a program-repo issue; with `start`, its workflow starts as if a person had opened it. */
  | { type: 'openProgramIssue'; key: string; issue: ProgramIssue; start?: boolean }
  | { type: 'recordPayment'; payment: Payment }
  | { type: 'filePartnerReport'; login: string; month: string }
  | { type: 'recordRotation'; login: string; at: string }
  | { type: 'startPing'; ping: Ping };

/** What a status comment's marker records (the workflow is added by the writer). */
export type StatusMarker = {
  state: string;
  version: number;
  updatedAt: string;
  /** The inputs the instance acted on (engine/inputs.ts): rebuild replays what the bot saw. */
  inputs?: Record<string, unknown>;
};

/** Kinds of the signed markers (`<!-- operator-bot:KIND … mac=… -->`, src/domain/text/marker.ts). */
export const STATE_MARKER = 'state';
export const REPLY_MARKER = 'reply';
export const NOTE_MARKER = 'note';
/**
 * `<comment id> <word>`: what the bot decided about a command, in its reply, where only the bot
 * can write it (the reply's text is editable by anyone with write access, and echoes what the
 * commenter wrote): e.g. an `/approve` not recorded (src/workflows/payroll/approval-answers.ts).
 */
export const ANSWER_MARKER = 'answer';
