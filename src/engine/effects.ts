import type { OperatorRecord } from '../domain/registry.js';

/** What a decision asks the outside world to do; applied idempotently by the worker. */
export type Effect =
  | { type: 'setStateLabel'; scope: string; label: string }
  | { type: 'upsertStatusComment'; body: string }
  | { type: 'reply'; toCommentId: number; body: string }
  | { type: 'scheduleTimer'; name: string; dueAt: string; forState: string; forVersion: number }
  | { type: 'closeIssue' }
  | { type: 'reopenIssue' }
  | { type: 'putOperator'; operator: OperatorRecord };

export const STATE_MARKER = 'operator-bot:state';
export const REPLY_MARKER = 'operator-bot:reply';
