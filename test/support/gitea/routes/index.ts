import { adminSetupRoutes } from './admin-setup.js';
import { branchProtectionRoutes } from './branch-protections.js';
import { commentRoutes } from './comments.js';
import { contentRoutes } from './contents.js';
import { hookRoutes } from './hooks.js';
import { issueLabelRoutes } from './issue-labels.js';
import { issueRoutes } from './issues.js';
import { labelRoutes } from './labels.js';
import { metaRoutes } from './meta.js';
import { pullCreateRoutes } from './pull-create.js';
import { pullRoutes } from './pulls.js';
import { repositoryRoutes } from './repository.js';
import type { Route } from './route.js';
import { statusRoutes } from './statuses.js';
import { teamRoutes } from './teams.js';
import { timelineRoutes } from './timeline.js';
import { userRoutes } from './users.js';

export const allRoutes: Route[] = [
  ...metaRoutes,
  ...repositoryRoutes,
  ...labelRoutes,
  ...issueLabelRoutes,
  ...issueRoutes,
  ...commentRoutes,
  ...timelineRoutes,
  ...teamRoutes,
  ...statusRoutes,
  ...pullRoutes,
  ...userRoutes,
  ...pullCreateRoutes,
  ...hookRoutes,
  ...contentRoutes,
  ...branchProtectionRoutes,
  ...adminSetupRoutes,
];

export function routeKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${template}`;
}

export const routesByKey = new Map(allRoutes.map((route) => [routeKey(route.method, route.template), route]));
