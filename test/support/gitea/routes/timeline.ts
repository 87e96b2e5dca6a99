import { paginate } from '../paging.js';
import { toApiTimelineComment } from '../represent/comment.js';
import { ok } from '../route-result.js';
import type { Route } from './route.js';
import { inIssue } from './scopes.js';

export const timelineRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}/timeline',
    handle: (context) =>
      inIssue(context, ({ issue }) => {
        const since = context.query.get('since');
        const before = context.query.get('before');
        const events = context.state.timeline.filter(
          (event) =>
            event.repoId === issue.repoId &&
            event.issueNumber === issue.number &&
            (!since || Date.parse(event.updated) >= Date.parse(since)) &&
            (!before || Date.parse(event.updated) < Date.parse(before)),
        );
        const page = paginate(events, context.query);
        return ok(page.items.map((event) => toApiTimelineComment(event, context.represent)));
      }),
  },
];
