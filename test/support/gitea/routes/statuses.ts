import { atLeast } from '../access.js';
import { toApiCommitStatus } from '../represent/commit-status.js';
import { created, writeRequired } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

interface CreateStatusOption {
  state?: string;
  target_url?: string;
  description?: string;
  context?: string;
}

export const statusRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/statuses/{sha}',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        if (!atLeast(mode, 'write')) return writeRequired(context.site);
        const form = context.body as CreateStatusOption;
        const status = {
          id: context.state.ids.status.take(),
          repoId: repo.id,
          sha: context.params.sha ?? '',
          state: form.state ?? '',
          targetUrl: form.target_url ?? '',
          description: form.description ?? '',
          context: form.context ?? '',
          creator: context.doer.login,
          created: context.now(),
        };
        context.state.statuses.push(status);
        return created(toApiCommitStatus(status, context.represent));
      }),
  },
];
