import type { Redis } from 'ioredis';
import { alertKeys } from './alerts.js';
import { appliedCommandKeys } from './applied-commands.js';
import { catchUpCursorKeys } from './catch-up-cursors.js';
import { failedNoteKeys } from './failed-notes.js';
import { instanceKeys } from './instances.js';
import { intakeKeys } from './intake.js';
import { intakePresenceKeys } from './intake-presence.js';
import { issueChangedKeys } from './issue-changed.js';
import { issueContentKeys } from './issue-contents.js';
import { issueLockKeys } from './issue-lock.js';
import { issueOrderKeys } from './issue-order.js';
import type { KeySpace } from './keys.js';
import { webhookDeliveryKeys } from './last-deliveries.js';
import { notificationKeys } from './notifications.js';
import { openIssueKeys } from './open-issues.js';
import { operatorKeys } from './operators.js';
import { owedScheduleKeys } from './owed-schedules.js';
import { partnerReportKeys } from './partner-reports.js';
import { paymentKeys } from './payments.js';
import { peopleKeys } from './people.js';
import { pingKeys } from './pings.js';
import { programIssueKeys } from './program-issues.js';
import { redisEpochKeys } from './redis-epoch.js';
import { reportKeys } from './reports.js';
import { rotationKeys } from './rotations.js';
import { stateSetKeys, writingKeys, writtenKeys } from './written.js';

/**
 * Every store's keys (KeySpace in keys.ts): the one list rebuild clears from (the derived ones)
 * and a test checks every `ob:` key a run writes against, so a store left out of it fails.
 */
export const KEY_SPACES: readonly KeySpace[] = [
  instanceKeys,
  operatorKeys,
  reportKeys,
  alertKeys,
  paymentKeys,
  openIssueKeys,
  partnerReportKeys,
  writtenKeys,
  programIssueKeys,
  notificationKeys,
  appliedCommandKeys,
  writingKeys,
  stateSetKeys,
  issueChangedKeys,
  peopleKeys,
  pingKeys,
  rotationKeys,
  webhookDeliveryKeys,
  issueLockKeys,
  issueOrderKeys,
  intakeKeys,
  intakePresenceKeys,
  catchUpCursorKeys,
  issueContentKeys,
  redisEpochKeys,
  failedNoteKeys,
  owedScheduleKeys,
];

/** Deletes the state derived from Gitea's history, store by store (rebuild's first step); kept spaces are left alone. */
export async function clearDerivedState(redis: Redis): Promise<void> {
  for (const space of KEY_SPACES) await space.clear(redis);
}
