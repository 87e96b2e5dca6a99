import type { Effect } from '../engine/effects.js';
import { type BotEvent, followUpOf } from '../gitea/event.js';
import type { ProgramIssues } from '../gitea/program-issues.js';
import { jobIdOf } from '../queue/job-id.js';
import type { DelayedEvent } from './delayed-event.js';

export type OpenProgramIssue = Extract<Effect, { type: 'openProgramIssue' }>;

/**
 * Opens (or edits) a program issue; with `start`, queues its `opened` event so that its workflow
 * begins like any issue a person opened — on behalf of `cause.actor`, at `cause.at`.
 */
export function createProgramIssueOpener(deps: {
  programIssues: ProgramIssues;
  programRepo: string;
  botLogin: string;
  enqueueAt: (job: DelayedEvent) => Promise<void>;
}) {
  return async (
    effect: OpenProgramIssue,
    cause: { actor: string; at: string; deliveryId?: string | undefined },
  ): Promise<number> => {
    const { number, body } = await deps.programIssues.upsert(effect.key, effect.issue);
    if (!effect.start) return number;
    const event: BotEvent = {
      kind: 'issue.opened',
      repo: deps.programRepo,
      issue: {
        number,
        id: number,
        title: effect.issue.title,
        body,
        author: deps.botLogin,
        state: 'open',
        labels: effect.issue.labels,
        assignees: [],
        createdAt: cause.at,
        isPull: false,
      },
      actor: cause.actor,
      at: cause.at,
      internal: true,
      ...followUpOf(cause),
    };
    const jobId = jobIdOf('opened', effect.key, Date.parse(cause.at));
    await deps.enqueueAt({ event, dueAt: cause.at, jobId });
    return number;
  };
}

export type ProgramIssueOpener = ReturnType<typeof createProgramIssueOpener>;
