import { paginate, pagingHeaders } from '../paging.js';
import { toApiUser } from '../represent/user.js';
import { notFound, ok } from '../route-result.js';
import type { Route } from './route.js';

/**
 * `GET /users/{username}` behind Gitea's `context.UserAssignmentAPI()` (routers/api/v1/api.go;
 * `userAssignment` in services/context/user.go): an existing name answers that user; a name freed
 * by a rename (a `user_redirect` row, `user_model.LookupUserRedirect`) answers 307 Temporary
 * Redirect to the same path with the user's current name (`RedirectToUser`, services/context/base.go);
 * any other name answers 404. A name taken again by a new account answers the new account: its
 * creation deleted the redirect.
 */
export const userRoutes: Route[] = [
  {
    // routers/api/v1/user/user.go `Search`: individual accounts (no organizations) whose name
    // contains `q`, or the one with id `uid`; paged, answered as `{ ok, data }` with X-Total-Count.
    method: 'GET',
    template: '/users/search',
    handle: (context) => {
      const q = (context.query.get('q') ?? '').trim().toLowerCase();
      const uid = Number(context.query.get('uid') ?? 0);
      const users = [...context.state.users.values()]
        .filter((user) => !user.isOrganization)
        .filter((user) => (uid > 0 ? user.id === uid : true))
        .filter((user) => user.login.toLowerCase().includes(q) || user.fullName.toLowerCase().includes(q))
        .sort((a, b) => a.id - b.id);
      const page = paginate(users, context.query);
      return ok(
        { ok: true, data: page.items.map((user) => toApiUser(user, context.represent)) },
        pagingHeaders(context.site, context.url, page, true),
      );
    },
  },
  {
    method: 'GET',
    template: '/users/{username}',
    handle: (context) => {
      const name = context.params.username ?? '';
      const user = context.state.user(name);
      if (user) return ok(toApiUser(user, context.represent));
      const redirectId = context.state.userRedirects.get(name.toLowerCase());
      const target = redirectId === undefined ? undefined : context.state.userById(redirectId);
      if (!target) return notFound(context.site);
      const path = context.url.pathname.replace(encodeURIComponent(name), encodeURIComponent(target.login));
      return { status: 307, headers: { Location: `${path}${context.url.search}` } };
    },
  },
];
