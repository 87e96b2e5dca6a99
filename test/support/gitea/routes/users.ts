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
