import { atLeast, isOrgOwner, OWNERS_TEAM } from '../access.js';
import type { AccessMode } from '../api-types.js';
import { commitOnto, DEFAULT_BRANCH } from '../repo-files.js';
import { toApiRepository } from '../represent/repository.js';
import { apiError, created, forbidden, noContent, notFound, unprocessable } from '../route-result.js';
import { Seeder } from '../seeds.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

/** What an admin script calls to set a program up (routers/api/v1/org/org.go Create, repo/repo.go CreateOrgRepo, repo/collaborators.go AddCollaborator). */
export const adminSetupRoutes: Route[] = [
  {
    method: 'POST',
    template: '/orgs',
    handle: (context) => {
      const form = context.body as {
        username?: string;
        full_name?: string;
        description?: string;
        visibility?: string;
      };
      const name = form.username ?? '';
      if (!name) return unprocessable(context.site, '[UserName]: Required');
      if (context.state.user(name)) return unprocessable(context.site, `user already exists [name: ${name}]`);
      const seed = new Seeder(context.state, context.now);
      const org = seed.user(name, { fullName: form.full_name ?? '' }, true);
      seed.team(`${org.login}/${OWNERS_TEAM}`, [context.doer.login]);
      return created({
        id: org.id,
        name: org.login,
        username: org.login,
        full_name: org.fullName,
        email: '',
        avatar_url: `${context.site.appUrl}avatars/${org.id}`,
        description: form.description ?? '',
        website: '',
        location: '',
        visibility: form.visibility ?? 'public',
        repo_admin_change_team_access: false,
      });
    },
  },
  {
    method: 'POST',
    template: '/orgs/{org}/repos',
    handle: (context) => {
      const org = context.state.user(context.params.org ?? '');
      if (!org?.isOrganization) return notFound(context.site);
      if (!context.doer.isAdmin && !isOrgOwner(context.state, org.login, context.doer.login))
        return forbidden(context.site, 'Given user is not owner of organization.');
      const form = context.body as {
        name: string;
        private?: boolean;
        description?: string;
        auto_init?: boolean;
      };
      if (context.state.repo(org.login, form.name))
        return apiError(context.site, 409, 'The repository with the same name already exists.');
      const seed = new Seeder(context.state, context.now);
      const repo = seed.repo(`${org.login}/${form.name}`, {
        private: form.private ?? false,
        description: form.description ?? '',
      });
      if (form.auto_init) {
        const readme = `# ${form.name}\n\n${form.description ?? ''}`;
        commitOnto(
          context.state,
          repo,
          DEFAULT_BRANCH,
          undefined,
          { message: 'Initial commit', author: context.doer.login, files: new Map([['README.md', readme]]) },
          context.now(),
        );
      }
      return created(toApiRepository(repo, context.represent, 'owner'));
    },
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/collaborators/{collaborator}',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        if (!context.doer.isAdmin && !atLeast(mode, 'admin'))
          return forbidden(
            context.site,
            'user should be an owner or a collaborator with admin write of a repository',
          );
        const user = context.state.user(context.params.collaborator ?? '');
        if (!user)
          return unprocessable(
            context.site,
            `user does not exist [uid: 0, name: ${context.params.collaborator}]`,
          );
        const permission = ((context.body as { permission?: string } | undefined)?.permission ??
          'write') as AccessMode;
        if (!['read', 'write', 'admin'].includes(permission))
          return unprocessable(context.site, `invalid permission: ${permission}`);
        context.state.permissions.set(context.state.permissionKey(repo, user.login), permission);
        return noContent();
      }),
  },
];
