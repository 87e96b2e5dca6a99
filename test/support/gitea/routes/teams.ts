import { isOrgMember, isOrgOwner } from '../access.js';
import { paginate, pagingHeaders } from '../paging.js';
import type { TeamRecord } from '../records.js';
import { toApiTeam } from '../represent/team.js';
import { toApiUser } from '../represent/user.js';
import { forbidden, notFound, ok, type RouteResult } from '../route-result.js';
import type { Route, RouteContext } from './route.js';

/**
 * Team routes as Gitea 1.22–1.24 answers them (routers/api/v1/api.go, routers/api/v1/org/team.go):
 * - `/orgs/{org}/teams` and `/orgs/{org}/teams/search` sit behind `reqOrgMembership()`: 403
 *   "Must be an organization member" unless the caller is in one of the org's teams or a site admin.
 * - `ListTeams` lists every team of the org; `SearchTeam` only the teams the caller belongs to
 *   unless it is a site admin (`if !ctx.Doer.IsAdmin { opts.UserID = ctx.Doer.ID }`,
 *   go-gitea/gitea#22101) — even an org owner does not find a team it is not in.
 * - `/teams/{id}/…` sits behind `reqTeamMembership()`: site admins, org owners and the team's
 *   members pass; other org members get 403 "Must be a team member", anyone else 404. Then
 *   `GetTeamMember` answers 404 when the user is not in the team.
 */
function inOrg(context: RouteContext, handle: (org: string) => RouteResult): RouteResult {
  const { state, doer, site } = context;
  const org = state.user(context.params.org ?? '');
  if (!org?.isOrganization) return notFound(site);
  if (!doer.isAdmin && !isOrgMember(state, org.login, doer.login)) {
    return forbidden(site, 'Must be an organization member');
  }
  return handle(org.login);
}

const byName = (a: TeamRecord, b: TeamRecord) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/teams',
    handle: (context) =>
      inOrg(context, (org) => {
        const page = paginate([...context.state.orgTeams(org)].sort(byName), context.query);
        return ok(page.items.map(toApiTeam), pagingHeaders(context.site, context.url, page, false));
      }),
  },
  {
    method: 'GET',
    template: '/orgs/{org}/teams/search',
    handle: (context) =>
      inOrg(context, (org) => {
        const { doer } = context;
        const keyword = (context.query.get('q') ?? '').trim().toLowerCase();
        const includeDescription = context.query.get('include_desc') !== 'false';
        const teams = context.state
          .orgTeams(org)
          .filter((team) => doer.isAdmin || team.members.includes(doer.login.toLowerCase()))
          .filter(
            (team) =>
              team.name.toLowerCase().includes(keyword) ||
              (includeDescription && team.description.toLowerCase().includes(keyword)),
          )
          .sort(byName);
        const page = paginate(teams, context.query);
        return ok(
          { ok: true, data: page.items.map(toApiTeam) },
          pagingHeaders(context.site, context.url, page, true),
        );
      }),
  },
  {
    method: 'GET',
    template: '/teams/{id}/members/{username}',
    handle: (context) => {
      const { state, doer, site } = context;
      const team = state.team(Number(context.params.id));
      if (!team) return notFound(site);
      const doerLogin = doer.login.toLowerCase();
      const allowed =
        doer.isAdmin || isOrgOwner(state, team.org, doerLogin) || team.members.includes(doerLogin);
      if (!allowed) {
        return isOrgMember(state, team.org, doerLogin)
          ? forbidden(site, 'Must be a team member')
          : notFound(site);
      }
      const user = state.user(context.params.username ?? '');
      if (!user || !team.members.includes(user.login.toLowerCase())) return notFound(site);
      return ok(toApiUser(user, context.represent));
    },
  },
];
