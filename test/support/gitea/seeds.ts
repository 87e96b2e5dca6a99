import { OWNERS_TEAM } from './access.js';
import type { AccessMode } from './api-types.js';
import { addComment, openIssue } from './issue-actions.js';
import { normalizeColor } from './label-color.js';
import { userIdFor } from './payload-consistency.js';
import type {
  IssueRecord,
  LabelRecord,
  RepoRecord,
  TeamRecord,
  TimelineRecord,
  UserRecord,
} from './records.js';
import type { GiteaState } from './state.js';

export interface UserSeed {
  /** Default: the id the delivery fixtures give this login (payload-consistency.ts), so payloads and API agree. */
  id?: number;
  fullName?: string;
  email?: string;
  isAdmin?: boolean;
  keepEmailPrivate?: boolean;
  /** Lets the account sign in with Basic auth. */
  password?: string;
}

export interface RepoSeed {
  private?: boolean;
  description?: string;
}

export interface LabelSeed {
  name: string;
  /** `#rrggbb`, `rrggbb` or `#rgb`; default `#ededed`. */
  color?: string;
  description?: string;
  /** Default: true for a scoped name (`scope/value`), as the bot's state labels are. */
  exclusive?: boolean;
  isArchived?: boolean;
}

export interface IssueSeed {
  number?: number;
  title: string;
  body?: string;
  user: string;
  /** Label names; missing labels are created (see LabelSeed for defaults). */
  labels?: string[];
  assignees?: string[];
  state?: 'open' | 'closed';
  isPull?: boolean;
  locked?: boolean;
}

export interface TeamSeed {
  permission?: AccessMode;
  description?: string;
  includesAllRepositories?: boolean;
}

export function splitFullName(fullName: string): [string, string] {
  const [owner, name, ...rest] = fullName.split('/');
  if (!owner || !name || rest.length > 0) throw new Error(`expected "owner/name", got "${fullName}"`);
  return [owner, name];
}

/** Puts records into the state the way Gitea would have them, for tests to start from. */
export class Seeder {
  readonly #state: GiteaState;
  readonly #now: () => string;

  constructor(state: GiteaState, now: () => string) {
    this.#state = state;
    this.#now = now;
  }

  user(login: string, seed: UserSeed = {}, isOrganization = false): UserRecord {
    const existing = this.#state.user(login);
    if (existing) return existing;
    const at = this.#now();
    let id = seed.id ?? userIdFor(login);
    while (this.#state.userById(id)) id++;
    // models/user/user.go CreateUser: `DeleteUserRedirect(ctx, u.Name)` — a new account takes a freed name.
    this.#state.userRedirects.delete(login.toLowerCase());
    const user: UserRecord = {
      id,
      login,
      fullName: seed.fullName ?? '',
      email: seed.email ?? (isOrganization ? '' : `${login.toLowerCase()}@example.com`),
      isAdmin: seed.isAdmin ?? false,
      isOrganization,
      keepEmailPrivate: seed.keepEmailPrivate ?? false,
      ...(seed.password ? { password: seed.password } : {}),
      created: at,
      lastLogin: at,
    };
    this.#state.users.set(login.toLowerCase(), user);
    if (isOrganization)
      this.#newTeam(user, OWNERS_TEAM, [], { permission: 'owner', includesAllRepositories: true });
    return user;
  }

  repo(fullName: string, seed: RepoSeed = {}): RepoRecord {
    const [owner, name] = splitFullName(fullName);
    const ownerRecord = this.#state.user(owner) ?? this.user(owner, {}, true);
    const at = this.#now();
    const repo: RepoRecord = {
      id: this.#state.ids.repo.take(),
      owner: ownerRecord.login,
      name,
      description: seed.description ?? '',
      isPrivate: seed.private ?? false,
      created: at,
      updated: at,
    };
    this.#state.repos.set(`${ownerRecord.login}/${name}`.toLowerCase(), repo);
    return repo;
  }

  existingRepo(fullName: string): RepoRecord {
    const repo = this.#state.repo(...splitFullName(fullName));
    if (!repo) throw new Error(`unknown repository ${fullName}: call addRepo first`);
    return repo;
  }

  existingIssue(repo: string, number: number): IssueRecord {
    const issue = this.#state.issue(this.existingRepo(repo).id, number);
    if (!issue) throw new Error(`no issue #${number} in ${repo}`);
    return issue;
  }

  label(repo: RepoRecord, seed: LabelSeed): LabelRecord {
    const color = normalizeColor(seed.color ?? '#ededed');
    if (!color) throw new Error(`bad label color ${seed.color}`);
    const label: LabelRecord = {
      id: this.#state.ids.label.take(),
      repoId: repo.id,
      name: seed.name,
      color,
      description: seed.description ?? '',
      exclusive: seed.exclusive ?? seed.name.includes('/'),
      isArchived: seed.isArchived ?? false,
    };
    this.#state.labels.push(label);
    return label;
  }

  issue(repoName: string, seed: IssueSeed): IssueRecord {
    const repo = this.existingRepo(repoName);
    const labels = (seed.labels ?? []).map(
      (name) =>
        this.#state.repoLabels(repo.id).find((label) => label.name === name) ?? this.label(repo, { name }),
    );
    const issue = openIssue(
      this.#state,
      repo,
      {
        number: seed.number,
        title: seed.title,
        body: seed.body ?? '',
        poster: this.user(seed.user).login,
        labels,
        assignees: (seed.assignees ?? []).map((login) => this.user(login).login),
        isPull: seed.isPull ?? false,
        closed: seed.state === 'closed',
      },
      this.#now(),
    );
    issue.isLocked = seed.locked ?? false;
    return issue;
  }

  comment(repo: string, number: number, comment: { user: string; body: string }): TimelineRecord {
    const poster = this.user(comment.user).login;
    return addComment(this.#state, this.existingIssue(repo, number), poster, comment.body, this.#now());
  }

  permission(repo: string, login: string, mode: AccessMode): void {
    this.user(login);
    this.#state.permissions.set(this.#state.permissionKey(this.existingRepo(repo), login), mode);
  }

  team(orgAndTeam: string, members: string[], seed: TeamSeed = {}): TeamRecord {
    const [org, name] = splitFullName(orgAndTeam);
    const orgRecord = this.user(org, {}, true);
    const team = this.#state.orgTeams(orgRecord.login).find((existing) => existing.name === name);
    if (!team) return this.#newTeam(orgRecord, name, members, seed);
    for (const login of members) {
      const member = this.user(login).login.toLowerCase();
      if (!team.members.includes(member)) team.members.push(member);
    }
    return team;
  }

  #newTeam(org: UserRecord, name: string, members: string[], seed: TeamSeed): TeamRecord {
    const team: TeamRecord = {
      id: this.#state.ids.team.take(),
      org: org.login,
      name,
      description: seed.description ?? '',
      permission: seed.permission ?? 'write',
      includesAllRepositories: seed.includesAllRepositories ?? false,
      members: members.map((login) => this.user(login).login.toLowerCase()),
    };
    this.#state.teams.push(team);
    return team;
  }
}
