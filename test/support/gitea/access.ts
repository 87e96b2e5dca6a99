import type { AccessMode } from './api-types.js';
import type { RepoRecord } from './records.js';
import type { GiteaState } from './state.js';

const RANK: Record<AccessMode, number> = { none: 0, read: 1, write: 2, admin: 3, owner: 4 };

export function atLeast(mode: AccessMode, needed: AccessMode): boolean {
  return RANK[mode] >= RANK[needed];
}

export const OWNERS_TEAM = 'Owners';

export function isOrgOwner(state: GiteaState, org: string, login: string): boolean {
  return state
    .orgTeams(org)
    .some((team) => team.name === OWNERS_TEAM && team.members.includes(login.toLowerCase()));
}

export function isOrgMember(state: GiteaState, org: string, login: string): boolean {
  return state.orgTeams(org).some((team) => team.members.includes(login.toLowerCase()));
}

export function accessMode(state: GiteaState, repo: RepoRecord, login: string): AccessMode {
  const user = state.user(login);
  if (!user) return 'none';
  const explicit = state.permissions.get(state.permissionKey(repo, login));
  if (explicit) return explicit;
  if (repo.owner.toLowerCase() === user.login.toLowerCase()) return 'owner';
  if (isOrgOwner(state, repo.owner, login)) return 'owner';
  if (user.isAdmin) return 'admin';
  const fromTeams = state
    .orgTeams(repo.owner)
    .filter((team) => team.includesAllRepositories && team.members.includes(user.login.toLowerCase()))
    .map((team) => team.permission);
  const best = fromTeams.reduce<AccessMode>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
  if (best !== 'none') return best;
  return repo.isPrivate ? 'none' : 'read';
}
