import { inUpdateWindow, paginate } from '../paging.js';
import { toApiTimelineComment } from '../represent/comment.js';
import { apiError, ok } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

/**
 * routers/api/v1/repo/issue_comment.go ListIssueCommentsAndTimeline: pages the issue's comments
 * of every type (limit capped by MAX_RESPONSE_ITEMS), then builds `var apiComments
 * []*api.TimelineComment` by appending, so a page with nothing in it is the JSON `null` (an
 * untouched issue; page 2 after exactly one full page). `X-Total-Count` is the length of this
 * page, not a total, and there is no `Link` header. An issue that does not exist (deleted) is a
 * 500, not a 404: the handler answers any error of GetIssueByIndex with
 * `ctx.Error(http.StatusInternalServerError, "GetRawIssueByIndex", err)`.
 */
export const timelineRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}/timeline',
    handle: (context) =>
      inRepo(context, ({ repo }) => {
        const index = Number(context.params.index);
        const issue = context.state.issue(repo.id, index);
        if (!issue)
          return apiError(
            context.site,
            500,
            `issue does not exist [id: 0, repo_id: ${repo.id}, index: ${index}]`,
          );
        const inWindow = inUpdateWindow(context.query);
        const events = context.state.timeline.filter(
          (event) =>
            event.repoId === issue.repoId && event.issueNumber === issue.number && inWindow(event.updated),
        );
        const page = paginate(events, context.query, context.state.maxResponseItems);
        const entries = page.items.map((event) => toApiTimelineComment(event, context.represent));
        return ok(entries.length > 0 ? entries : null, {
          'X-Total-Count': String(entries.length),
          'Access-Control-Expose-Headers': 'X-Total-Count',
        });
      }),
  },
];
