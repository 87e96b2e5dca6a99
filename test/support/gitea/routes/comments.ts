import { atLeast } from '../access.js';
import { addComment } from '../issue-actions.js';
import type { TimelineRecord } from '../records.js';
import { toApiComment } from '../represent/comment.js';
import {
  created,
  forbidden,
  noContent,
  notFound,
  ok,
  type RouteResult,
  unprocessable,
} from '../route-result.js';
import type { RepoScope, Route, RouteContext } from './route.js';
import { inIssue, inRepo } from './scopes.js';

interface CommentOption {
  body: string;
}

function inComment(
  context: RouteContext,
  handle: (scope: RepoScope, comment: TimelineRecord) => RouteResult,
): RouteResult {
  return inRepo(context, (scope) => {
    const comment = context.state.comment(scope.repo.id, Number(context.params.id));
    if (!comment) return notFound(context.site);
    return handle(scope, comment);
  });
}

function mayChange(context: RouteContext, scope: RepoScope, comment: TimelineRecord): boolean {
  return comment.actor === context.doer.login || atLeast(scope.mode, 'write');
}

function inTimeWindow(context: RouteContext): (comment: TimelineRecord) => boolean {
  const since = context.query.get('since');
  const before = context.query.get('before');
  return (comment) =>
    (!since || Date.parse(comment.updated) >= Date.parse(since)) &&
    (!before || Date.parse(comment.updated) < Date.parse(before));
}

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}/comments',
    handle: (context) =>
      inIssue(context, ({ issue }) => {
        const comments = context.state.comments(issue.repoId, issue.number).filter(inTimeWindow(context));
        return ok(
          comments.map((comment) => toApiComment(comment, context.represent)),
          { 'X-Total-Count': String(comments.length), 'Access-Control-Expose-Headers': 'X-Total-Count' },
        );
      }),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{index}/comments',
    handle: (context) =>
      inIssue(context, ({ issue, mode }) => {
        const form = context.body as CommentOption;
        if (!form.body) return unprocessable(context.site, '[Body]: Required');
        if (issue.isLocked && !atLeast(mode, 'write') && !context.doer.isAdmin) {
          return forbidden(context.site, 'Commenting is locked to collaborators.');
        }
        const comment = addComment(context.state, issue, context.doer.login, form.body, context.now());
        return created(toApiComment(comment, context.represent));
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/comments/{id}',
    handle: (context) =>
      inComment(context, (_scope, comment) => ok(toApiComment(comment, context.represent))),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/comments/{id}',
    handle: (context) =>
      inComment(context, (scope, comment) => {
        const form = context.body as CommentOption;
        if (!form.body) return unprocessable(context.site, '[Body]: Required');
        if (!mayChange(context, scope, comment)) return { status: 403 };
        comment.body = form.body;
        comment.updated = context.now();
        return ok(toApiComment(comment, context.represent));
      }),
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/comments/{id}',
    handle: (context) =>
      inComment(context, (scope, comment) => {
        if (!mayChange(context, scope, comment)) return { status: 403 };
        const index = context.state.timeline.indexOf(comment);
        context.state.timeline.splice(index, 1);
        return noContent();
      }),
  },
];
