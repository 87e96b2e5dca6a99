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
  | { type: 'upsertStatusComment'; body: string }
  | { type: 'reply'; toCommentId: number; body: string }
  | { type: 'scheduleTimer'; name: string; dueAt: string; forState: string; forVersion: number }
  | { type: 'closeIssue' }
  | { type: 'reopenIssue' }
  /** Appends an event to the operator's history (an event with the same `id` is kept once). */
  | { type: 'recordOperatorEvent'; login: string; event: HistoryEvent }
  /** A comment posted once per key (an escalation level, a proposal), never repeated. */
  | { type: 'postNote'; key: string; body: string }
  /** Chat notifications (Discord, Telegram), sent once per key. */
  | { type: 'notify'; key: string; notification: Notification }
  | { type: 'recordAlert'; alert: AlertRecord }
  | { type: 'storeReport'; login: string; report: WeeklyReport; source: ReportSource }
  /** Opens (or edits) a program-repo issue; with `start`, its workflow starts as if a person had opened it. */
  | { type: 'openProgramIssue'; key: string; issue: ProgramIssue; start?: boolean }
  | { type: 'recordPayment'; payment: Payment }
  | { type: 'filePartnerReport'; login: string; month: string }
  | { type: 'recordRotation'; login: string; at: string }
  | { type: 'startPing'; ping: Ping };

export const STATE_MARKER = 'operator-bot:state';
export const REPLY_MARKER = 'operator-bot:reply';
export const NOTE_MARKER = 'operator-bot:note';
