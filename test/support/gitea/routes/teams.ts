import { isOrgMember, isOrgOwner } from '../access.js';
import { paginate, pagingHeaders } from '../paging.js';
import { toApiTeam } from '../represent/team.js';
import { toApiUser } from '../represent/user.js';
import { forbidden, notFound, ok } from '../route-result.js';
import type { Route } from './route.js';

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/teams/search',
    handle: (context) => {
      const { state, doer, site } = context;
      const org = state.user(context.params.org ?? '');
      if (!org?.isOrganization) return notFound(site);
      if (!doer.isAdmin && !isOrgMember(state, org.login, doer.login)) {
        return forbidden(site, 'Must be an organization member');
      }
      const keyword = (context.query.get('q') ?? '').trim().toLowerCase();
      const includeDescription = context.query.get('include_desc') !== 'false';
      const teams = state
        .orgTeams(org.login)
        .filter(
          (team) =>
            team.name.toLowerCase().includes(keyword) ||
            (includeDescription && team.description.toLowerCase().includes(keyword)),
        )
        .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
      const page = paginate(teams, context.query);
      return ok({ ok: true, data: page.items.map(toApiTeam) }, pagingHeaders(site, context.url, page, true));
    },
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
