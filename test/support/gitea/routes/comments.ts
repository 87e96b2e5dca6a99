import { atLeast } from '../access.js';
import { addComment } from '../issue-actions.js';
import { inUpdateWindow, paginate } from '../paging.js';
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
  const inWindow = inUpdateWindow(context.query);
  return (comment) => inWindow(comment.updated);
}

/**
 * routers/api/v1/repo/issue_comment.go ListRepoIssueComments: the repo's comments (of type
 * comment, issues and pull requests) updated since `since`, oldest first, paged with `limit`
 * capped by MAX_RESPONSE_ITEMS; `X-Total-Count` is the count of every match, no `Link` header.
 * The list is made with `make`, so an empty page is `[]`.
 */
function listRepoComments(context: RouteContext): RouteResult {
  return inRepo(context, ({ repo }) => {
    const matching = context.state.timeline
      .filter((event) => event.kind === 'comment' && event.repoId === repo.id)
      .filter(inTimeWindow(context))
      .sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || a.id - b.id);
    const page = paginate(matching, context.query, context.state.maxResponseItems);
    return ok(
      page.items.map((comment) => toApiComment(comment, context.represent)),
      { 'X-Total-Count': String(page.total), 'Access-Control-Expose-Headers': 'X-Total-Count' },
    );
  });
}

export const commentRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/issues/comments', handle: listRepoComments },
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
    // routers/api/v1/repo/issue_comment.go GetIssueComment: 404 for a comment of another
    // repository's issue; 204 with no body for a timeline entry that is no plain comment (a close,
    // a label change: their ids are comment ids too).
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/comments/{id}',
    handle: (context) =>
      inRepo(context, (scope) => {
        const id = Number(context.params.id);
        const comment = context.state.comment(scope.repo.id, id);
        if (comment) return ok(toApiComment(comment, context.represent));
        const entry = context.state.timeline.find(
          (record) => record.repoId === scope.repo.id && record.id === id,
        );
        return entry ? noContent() : notFound(context.site);
      }),
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
