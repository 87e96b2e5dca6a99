import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/engine/definition.js';
import { undoIssueChange } from '../../../src/engine/issue-changes.js';
import type { BotEvent } from '../../../src/gitea/event.js';
import { botEvent } from '../../support/events.js';
import { workflowNamed } from '../../support/workflows.js';

const change = (
  workflow: string,
  state: string,
  kind: BotEvent['kind'],
  roles: Role[],
  labels: string[] = [],
) =>
  undoIssueChange({
    definition: workflowNamed(workflow).definition,
    state,
    event: botEvent({ kind, actor: 'dave', at: '2026-11-21T10:00:00.000Z', issue: { labels } }),
    roles: new Set<Role>(['anyone', ...roles]),
    updatedAt: '2026-11-20T10:00:00.000Z',
  })?.map((effect) => effect.type);

describe('a person’s close, reopen or relabel of a workflow issue', () => {
  it.each([
    ['alert', 'open', 'issue.closed', [], ['reopenIssue', 'postNote']],
    ['alert', 'open', 'issue.closed', ['responsible'], undefined],
    ['alert', 'acknowledged', 'issue.closed', ['maintainer'], undefined],
    ['alert', 'resolved', 'issue.reopened', ['author'], ['closeIssue', 'postNote']],
    ['alert', 'resolved', 'issue.reopened', ['maintainer'], undefined],
    ['alert', 'resolved', 'issue.closed', [], undefined],
    ['onboarding', 'training', 'issue.closed', ['author'], undefined],
    ['onboarding', 'training', 'issue.closed', ['operator'], ['reopenIssue', 'postNote']],
    ['payroll', 'review', 'issue.closed', [], ['reopenIssue', 'postNote']],
    ['payroll', 'review', 'issue.closed', ['maintainer'], undefined],
    ['exit', 'notice', 'issue.reopened', [], undefined],
  ] as const)('%s in %s, %s by %j → %j', (workflow, state, kind, roles, undo) => {
    expect(change(workflow, state, kind, [...roles])).toEqual(undo);
  });

  it.each([
    ['another state label put on', ['operator-alert', 'alert/resolved'], ['restoreStateLabel']],
    ['two state labels', ['operator-alert', 'alert/open', 'alert/resolved'], ['restoreStateLabel']],
    ['the state label taken off, after the bot set it', ['operator-alert'], ['restoreStateLabel']],
    ['an unrelated label', ['operator-alert', 'alert/open', 'bug'], undefined],
  ])('labels: %s', (_why, labels, undo) => {
    expect(change('alert', 'open', 'issue.labeled', ['maintainer'], labels)).toEqual(undo);
  });

  it('a label delivery from before the bot’s last change is stale, not a removal', () => {
    const undo = undoIssueChange({
      definition: workflowNamed('alert').definition,
      state: 'open',
      event: botEvent({
        kind: 'issue.labeled',
        at: '2026-11-20T09:00:00.000Z',
        issue: { labels: ['operator-alert'] },
      }),
      roles: new Set<Role>(['anyone']),
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(undo).toBeUndefined();
  });
});
