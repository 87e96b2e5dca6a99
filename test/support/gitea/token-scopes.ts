/**
 * Gitea 1.22's access-token scopes (models/auth/access_token_scope.go) and the check every API
 * group runs before anything else (routers/api/v1/api.go, `tokenRequiresScopes`): the level is
 * `write` for POST/PUT/PATCH/DELETE and `read` otherwise; `write:x` includes `read:x`; `all`
 * includes everything. A missing scope is a 403 whose message names the scopes it needed.
 */
export type ScopeCategory = 'repository' | 'issue' | 'organization' | 'user' | 'notification' | 'misc';

export const ALL_SCOPES = ['all'];

/** The category api.go assigns to a route, from its swagger template. */
export function scopeCategory(template: string): ScopeCategory | undefined {
  if (template === '/version' || template.startsWith('/settings') || template.startsWith('/markdown'))
    return undefined;
  if (template.startsWith('/user') || template.startsWith('/users')) return 'user';
  if (template.startsWith('/orgs') || template.startsWith('/teams')) return 'organization';
  if (template.startsWith('/notifications')) return 'notification';
  if (
    template === '/repos/issues/search' ||
    /^\/repos\/\{owner\}\/\{repo\}\/(issues|labels|milestones)(\/|$)/.test(template)
  )
    return 'issue';
  if (/^\/repos\/\{owner\}\/\{repo\}\/notifications/.test(template)) return 'notification';
  if (template.startsWith('/repos')) return 'repository';
  return 'misc';
}

/** The scope a request needs (`write:issue`…), or undefined when the route needs none. */
export function requiredScope(method: string, template: string): string | undefined {
  const category = scopeCategory(template);
  if (!category) return undefined;
  const level = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase()) ? 'write' : 'read';
  return `${level}:${category}`;
}

export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes('all') || granted.includes(needed)) return true;
  const [level, category] = needed.split(':');
  return level === 'read' && granted.includes(`write:${category}`);
}

export function missingScopeMessage(needed: string): string {
  return `token does not have at least one of required scope(s): [${needed}]`;
}
