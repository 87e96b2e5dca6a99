import type { GiteaState } from './state.js';

/**
 * Renames a user as Gitea's `user_service.RenameUser` does (services/user/user.go): the account
 * keeps its id, so everything it owns, posted, is assigned to or is a member of follows it (the
 * emulator keeps those by login, so they are rewritten here); the old name gets a redirect to the
 * id (`user_model.NewUserRedirect`, models/user/redirect.go, which first deletes any redirect of
 * either name) and becomes free: a new account may register it, which deletes the redirect
 * (`DeleteUserRedirect` in `CreateUser`, models/user/user.go; see Seeder.user).
 * Throws when the new name is taken (Gitea answers `ErrUserAlreadyExist`).
 */
export function renameUser(state: GiteaState, from: string, to: string): void {
  const user = state.user(from);
  if (!user) throw new Error(`no user "${from}" to rename`);
  const [oldLower, newLower] = [from.toLowerCase(), to.toLowerCase()];
  if (oldLower !== newLower && state.user(to)) throw new Error(`user "${to}" already exists`);
  const follow = (login: string) => (login.toLowerCase() === oldLower ? to : login);
  state.users.delete(oldLower);
  user.login = to;
  state.users.set(newLower, user);
  for (const [key, repo] of [...state.repos]) {
    if (repo.owner.toLowerCase() !== oldLower) continue;
    repo.owner = to;
    state.repos.delete(key);
    state.repos.set(`${to}/${repo.name}`.toLowerCase(), repo);
  }
  for (const issue of state.issues) {
    issue.poster = follow(issue.poster);
    issue.assignees = issue.assignees.map(follow);
  }
  for (const event of state.timeline) {
    event.actor = follow(event.actor);
    if (event.assignee) event.assignee = follow(event.assignee);
  }
  for (const team of state.teams) team.members = team.members.map((m) => follow(m).toLowerCase());
  for (const status of state.statuses) status.creator = follow(status.creator);
  for (const [key, mode] of [...state.permissions]) {
    const [repoId, login] = key.split(':') as [string, string];
    if (login !== oldLower) continue;
    state.permissions.delete(key);
    state.permissions.set(`${repoId}:${newLower}`, mode);
  }
  state.userRedirects.delete(oldLower);
  state.userRedirects.delete(newLower);
  state.userRedirects.set(oldLower, user.id);
}
