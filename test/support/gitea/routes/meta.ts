import { toApiUser } from '../represent/user.js';
import { ok } from '../route-result.js';
import type { Route } from './route.js';

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    template: '/user',
    handle: (context) => ok(toApiUser(context.doer, context.represent, 'self')),
  },
  {
    method: 'GET',
    template: '/version',
    handle: (context) => ok({ version: context.site.version }),
  },
];
