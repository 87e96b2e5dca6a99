import { accessMode, atLeast } from '../access.js';
import { paginate, pagingHeaders } from '../paging.js';
import { toApiRepository } from '../represent/repository.js';
import { toApiUser } from '../represent/user.js';
import { apiError, forbidden, ok } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

export const repositoryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => ok(toApiRepository(repo, context.represent, mode))),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/collaborators',
    handle: (context) =>
      inRepo(context, ({ repo }) => {
        // Explicit collaborators only (models/repo/collaboration.go); team members and owners are not listed.
        const prefix = `${repo.id}:`;
        const logins = [...context.state.permissions.keys()]
          .filter((key) => key.startsWith(prefix))
          .map((key) => key.slice(prefix.length));
        const users = logins.flatMap((login) => context.state.user(login) ?? []);
        const page = paginate(users, context.query);
        return ok(
          page.items.map((user) => toApiUser(user, context.represent, 'signed')),
          pagingHeaders(context.site, context.url, page, false),
        );
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/collaborators/{collaborator}/permission',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        const name = context.params.collaborator ?? '';
        // Gitea 1.22 compares the caller's *login_name* (empty for local accounts) with the
        // collaborator, so in practice only site admins and repo admins get an answer.
        if (!context.doer.isAdmin && !atLeast(mode, 'admin')) {
          return forbidden(
            context.site,
            'Only admins can query all permissions, repo admins can query all repo permissions, collaborators can query only their own',
          );
        }
        const user = context.state.user(name);
        if (!user) return apiError(context.site, 404, `user does not exist [uid: 0, name: ${name}]`);
        const permission = accessMode(context.state, repo, user.login);
        return ok({ permission, role_name: permission, user: toApiUser(user, context.represent, 'signed') });
      }),
  },
];
