import { inUpdateWindow, paginate } from '../paging.js';
import { toApiTimelineComment } from '../represent/comment.js';
import { ok } from '../route-result.js';
import type { Route } from './route.js';
import { inIssue } from './scopes.js';

/**
 * routers/api/v1/repo/issue_comment.go ListIssueCommentsAndTimeline: pages the issue's comments
 * of every type (limit capped by MAX_RESPONSE_ITEMS), then builds `var apiComments
 * []*api.TimelineComment` by appending, so a page with nothing in it is the JSON `null` (an
 * untouched issue; page 2 after exactly one full page). `X-Total-Count` is the length of this
 * page, not a total, and there is no `Link` header.
 */
export const timelineRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}/timeline',
    handle: (context) =>
      inIssue(context, ({ issue }) => {
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
