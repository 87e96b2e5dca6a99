import type { AccessMode } from './api-types.js';
import { MAX_PAGE_SIZE } from './paging.js';
import type { PullSeed } from './pulls.js';
import type {
  CommitRecord,
  CommitStatusRecord,
  HookDeliveryRecord,
  HookRecord,
  IssueRecord,
  LabelRecord,
  ProtectionRecord,
  RepoRecord,
  TeamRecord,
  TimelineRecord,
  UserRecord,
} from './records.js';

export class IdSequence {
  readonly #first: number;
  #next: number;
  constructor(first: number) {
    this.#first = first;
    this.#next = first;
  }
  take(): number {
    return this.#next++;
  }
  reset(): void {
    this.#next = this.#first;
  }
}

export class GiteaState {
  readonly users = new Map<string, UserRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly labels: LabelRecord[] = [];
  readonly issues: IssueRecord[] = [];
  readonly timeline: TimelineRecord[] = [];
  readonly teams: TeamRecord[] = [];
  readonly statuses: CommitStatusRecord[] = [];
  readonly pulls = new Map<string, PullSeed>();
  readonly permissions = new Map<string, AccessMode>();
  /** Gitea's `user_redirect` table: a renamed user's old lower-case name → its id (models/user/redirect.go). */
  readonly userRedirects = new Map<string, number>();
  readonly hooks: HookRecord[] = [];
  readonly deliveries: HookDeliveryRecord[] = [];
  readonly protections: ProtectionRecord[] = [];
  /** `repoId:branch` → the branch's head commit; an empty repository has no branch. */
  readonly branches = new Map<string, CommitRecord>();
  /** The site's `[api] MAX_RESPONSE_ITEMS`: the largest page any list answers. */
  maxResponseItems = MAX_PAGE_SIZE;

  readonly ids = {
    user: new IdSequence(1),
    repo: new IdSequence(11),
    team: new IdSequence(21),
    label: new IdSequence(101),
    issue: new IdSequence(1001),
    comment: new IdSequence(5001),
    status: new IdSequence(9001),
    hook: new IdSequence(301),
  };

  clear(): void {
    this.users.clear();
    this.repos.clear();
    this.labels.length = 0;
    this.issues.length = 0;
    this.timeline.length = 0;
    this.teams.length = 0;
    this.statuses.length = 0;
    this.pulls.clear();
    this.permissions.clear();
    this.userRedirects.clear();
    this.hooks.length = 0;
    this.deliveries.length = 0;
    this.protections.length = 0;
    this.branches.clear();
    this.maxResponseItems = MAX_PAGE_SIZE;
    for (const sequence of Object.values(this.ids)) sequence.reset();
  }

  user(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  userById(id: number): UserRecord | undefined {
    for (const user of this.users.values()) if (user.id === id) return user;
    return undefined;
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): RepoRecord {
    for (const repo of this.repos.values()) if (repo.id === id) return repo;
    throw new Error(`no repository with id ${id}`);
  }

  repoLabels(repoId: number): LabelRecord[] {
    return this.labels.filter((label) => label.repoId === repoId);
  }

  label(id: number): LabelRecord | undefined {
    return this.labels.find((label) => label.id === id);
  }

  issue(repoId: number, number: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.repoId === repoId && issue.number === number);
  }

  nextIssueNumber(repoId: number): number {
    const numbers = this.issues.filter((issue) => issue.repoId === repoId).map((issue) => issue.number);
    return Math.max(0, ...numbers) + 1;
  }

  comments(repoId: number, issueNumber: number): TimelineRecord[] {
    return this.timeline.filter(
      (event) => event.kind === 'comment' && event.repoId === repoId && event.issueNumber === issueNumber,
    );
  }

  comment(repoId: number, id: number): TimelineRecord | undefined {
    return this.timeline.find(
      (event) => event.kind === 'comment' && event.repoId === repoId && event.id === id,
    );
  }

  team(id: number): TeamRecord | undefined {
    return this.teams.find((team) => team.id === id);
  }

  orgTeams(org: string): TeamRecord[] {
    return this.teams.filter((team) => team.org.toLowerCase() === org.toLowerCase());
  }

  branch(repoId: number, name: string): CommitRecord | undefined {
    return this.branches.get(`${repoId}:${name}`);
  }

  permissionKey(repo: RepoRecord, login: string): string {
    return `${repo.id}:${login.toLowerCase()}`;
  }
}
