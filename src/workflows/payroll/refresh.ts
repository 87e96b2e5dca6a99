import { payrollIssue } from '../../domain/payroll/marker.js';
import type { Instance } from '../../engine/instance.js';
import { type BotEvent, followUpOf } from '../../gitea/event.js';
import type { InstanceStore } from '../../store/instances.js';
import type { DelayedEvent } from '../../worker/handle-event.js';
import { payrollData } from './data.js';

/** The internal event that makes a payroll issue compute its snapshot again (`on: edited`). */
export function refreshEvent(
  repo: string,
  number: number,
  month: string,
  botLogin: string,
  at: string,
): BotEvent {
  const { issue } = payrollIssue(month);
  return {
    kind: 'issue.edited',
    repo,
    issue: {
      number,
      id: number,
      title: issue.title,
      body: issue.body,
      author: botLogin,
      state: 'open',
      labels: issue.labels,
      assignees: [],
      createdAt: at,
      isPull: false,
    },
    actor: botLogin,
    at,
    internal: true,
  };
}

/**
 * After `cause` changed a payroll input (a report, an alert, the registry, a payment…), queues a
 * refresh of every payroll issue not paid yet: it compares the digest of its inputs with the one
 * its snapshot (and the approvals) were made from. A paid month is closed and is not refreshed.
 * `deciding`: the instances `cause` decided and has not saved yet, counted as they will be.
 */
export function createPayrollRefresher(deps: {
  instances: InstanceStore;
  botLogin: string;
  enqueueAt: (job: DelayedEvent) => Promise<void>;
}) {
  return async (cause: BotEvent, deciding: readonly Instance[] = []): Promise<void> => {
    const at = (i: Instance) => `${i.workflow} ${i.repo}#${i.issue}`;
    const current = new Map((await deps.instances.all()).map((i) => [at(i), i]));
    for (const instance of deciding) current.set(at(instance), instance);
    const open = [...current.values()].filter((i) => i.workflow === 'payroll' && i.state !== 'paid');
    const causeId = `${cause.repo.replace(/[^A-Za-z0-9_-]/g, '_')}-${cause.issue.number}-${cause.comment?.id ?? cause.kind}-${Date.parse(cause.at)}`;
    for (const instance of open) {
      const month = payrollData(instance).month;
      await deps.enqueueAt({
        event: {
          ...refreshEvent(instance.repo, instance.issue, month, deps.botLogin, cause.at),
          ...followUpOf(cause),
        },
        dueAt: cause.at,
        jobId: `refresh-payroll-${month}-${causeId.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      });
    }
  };
}
