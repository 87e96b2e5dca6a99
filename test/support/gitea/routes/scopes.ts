import { accessMode } from '../access.js';
import { notFound, type RouteResult } from '../route-result.js';
import type { IssueScope, RepoScope, RouteContext } from './route.js';

export function inRepo(context: RouteContext, handle: (scope: RepoScope) => RouteResult): RouteResult {
  const { owner = '', repo: name = '' } = context.params;
  const repo = context.state.repo(owner, name);
  if (!repo) return notFound(context.site);
  const mode = accessMode(context.state, repo, context.doer.login);
  if (mode === 'none') return notFound(context.site);
  return handle({ repo, mode });
}

export function inIssue(context: RouteContext, handle: (scope: IssueScope) => RouteResult): RouteResult {
  return inRepo(context, (scope) => {
    const issue = context.state.issue(scope.repo.id, Number(context.params.index));
    if (!issue) return notFound(context.site);
    return handle({ ...scope, issue });
  });
}
