import { atLeast } from '../access.js';
import {
  addIssueLabels,
  clearIssueLabels,
  type LabelChange,
  removeIssueLabel,
  replaceIssueLabels,
} from '../issue-labels.js';
import type { LabelRecord } from '../records.js';
import { issueLabelRecords } from '../represent/issue.js';
import { toApiLabel } from '../represent/label.js';
import { apiError, noContent, ok, type RouteResult } from '../route-result.js';
import type { IssueScope, Route, RouteContext } from './route.js';
import { inIssue } from './scopes.js';

type LabelsSelection = { labels: LabelRecord[] } | { error: RouteResult };

function selectLabels(context: RouteContext, { repo }: IssueScope): LabelsSelection {
  const requested = (context.body as { labels?: unknown[] } | null)?.labels ?? [];
  const ids = requested.filter((value): value is number => typeof value === 'number').map(Math.trunc);
  const names = requested.filter((value): value is string => typeof value === 'string');
  if (ids.length > 0 && names.length > 0) {
    return { error: apiError(context.site, 400, 'labels should be an array of strings or integers') };
  }
  const byName = context.state.repoLabels(repo.id).filter((label) => names.includes(label.name));
  const byId = ids.map((id) => context.state.label(id)).filter((label) => label !== undefined);
  const unique = new Map([...byId, ...byName].map((label) => [label.id, label]));
  return { labels: [...unique.values()].sort((a, b) => a.id - b.id) };
}

function currentLabels(context: RouteContext, { issue }: IssueScope): RouteResult {
  return ok(issueLabelRecords(issue, context.represent).map((label) => toApiLabel(label, context.represent)));
}

function changeLabels(context: RouteContext, apply: (change: LabelChange, labels: LabelRecord[]) => void) {
  return inIssue(context, (scope) => {
    const selection = selectLabels(context, scope);
    if ('error' in selection) return selection.error;
    if (!atLeast(scope.mode, 'write')) return { status: 403 };
    apply(labelChange(context, scope), selection.labels);
    return currentLabels(context, scope);
  });
}

function labelChange(context: RouteContext, { issue }: IssueScope): LabelChange {
  return { state: context.state, issue, actor: context.doer.login, at: context.now() };
}

export const issueLabelRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}/labels',
    handle: (context) => inIssue(context, (scope) => currentLabels(context, scope)),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{index}/labels',
    handle: (context) => changeLabels(context, addIssueLabels),
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/issues/{index}/labels',
    handle: (context) => changeLabels(context, replaceIssueLabels),
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/{index}/labels',
    handle: (context) =>
      inIssue(context, (scope) => {
        if (!atLeast(scope.mode, 'write')) return { status: 403 };
        clearIssueLabels(labelChange(context, scope));
        return noContent();
      }),
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/{index}/labels/{id}',
    handle: (context) =>
      inIssue(context, (scope) => {
        if (!atLeast(scope.mode, 'write')) return { status: 403 };
        const id = Number(context.params.id);
        const label = context.state.label(id);
        if (!label) return apiError(context.site, 422, `label does not exist [label_id: ${id}]`);
        removeIssueLabel(labelChange(context, scope), label);
        return noContent();
      }),
  },
];
