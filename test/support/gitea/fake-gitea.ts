import { type HttpHandler, http } from 'msw';
import { OWNERS_TEAM } from './access.js';
import type {
  AccessMode,
  ApiComment,
  ApiCommitStatus,
  ApiIssue,
  ApiLabel,
  ApiRepository,
  ApiTeam,
  ApiTimelineComment,
  ApiUser,
} from './api-types.js';
import { FaultPlan, type FaultSpec } from './faults.js';
import { addComment, openIssue } from './issue-actions.js';
import type { IssueRecord, LabelRecord, RepoRecord, UserRecord } from './records.js';
import { toApiComment, toApiTimelineComment } from './represent/comment.js';
import { toApiCommitStatus } from './represent/commit-status.js';
import type { RepresentContext } from './represent/context.js';
import { issueLabelRecords, toApiIssue } from './represent/issue.js';
import { byLabelName, toApiLabel } from './represent/label.js';
import { toApiRepository } from './represent/repository.js';
import { toApiTeam } from './represent/team.js';
import { toApiUser } from './represent/user.js';
import {
  type ContractViolation,
  describeViolations,
  matchesRequest,
  type RecordedRequest,
} from './request-log.js';
import { normalizeColor } from './routes/labels.js';
import { createRequestServer } from './serve-request.js';
import { describeSite, giteaTime } from './site.js';
import { GiteaState } from './state.js';

export interface FakeGiteaOptions {
  baseUrl?: string;
  botLogin?: string;
  token?: string;
  version?: string;
  now?: () => Date;
}

export interface UserSeed {
  fullName?: string;
  email?: string;
  isAdmin?: boolean;
  keepEmailPrivate?: boolean;
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

export interface FakeGitea {
  readonly baseUrl: string;
  readonly botLogin: string;
  readonly token: string;
  readonly handlers: HttpHandler[];
  readonly requests: RecordedRequest[];
  readonly violations: ContractViolation[];
  addUser(login: string, seed?: UserSeed): ApiUser;
  addRepo(fullName: string, options?: { private?: boolean; description?: string }): ApiRepository;
  addLabel(repo: string, seed: LabelSeed): ApiLabel;
  addIssue(repo: string, seed: IssueSeed): ApiIssue;
  addComment(repo: string, number: number, comment: { user: string; body: string }): ApiComment;
  setPermission(repo: string, user: string, mode: AccessMode): void;
  addTeam(orgAndTeam: string, members: string[], seed?: TeamSeed): ApiTeam;
  issue(repo: string, number: number): ApiIssue | undefined;
  issueLabels(repo: string, number: number): string[];
  comments(repo: string, number: number): ApiComment[];
  timeline(repo: string, number: number): ApiTimelineComment[];
  repoLabels(repo: string): ApiLabel[];
  statuses(repo: string, sha?: string): ApiCommitStatus[];
  requestsTo(method: string, path: string | RegExp): RecordedRequest[];
  failNext(fault: FaultSpec): void;
  assertContract(): void;
  reset(): void;
}

function splitFullName(fullName: string): [string, string] {
  const [owner, name, ...rest] = fullName.split('/');
  if (!owner || !name || rest.length > 0) throw new Error(`expected "owner/name", got "${fullName}"`);
  return [owner, name];
}

export function createFakeGitea(options: FakeGiteaOptions = {}): FakeGitea {
  const baseUrl = (options.baseUrl ?? 'http://gitea.test').replace(/\/+$/, '');
  const botLogin = options.botLogin ?? 'operator-bot';
  const token = options.token ?? 'test-token';
  const site = describeSite(baseUrl, options.version ?? '1.22.6');
  const clock = options.now ?? (() => new Date());
  const now = () => giteaTime(clock());
  const state = new GiteaState();
  const faults = new FaultPlan();
  const requests: RecordedRequest[] = [];
  const violations: ContractViolation[] = [];
  const represent: RepresentContext = { state, site, doer: botLogin };
  const serve = createRequestServer({ state, site, token, botLogin, faults, requests, violations, now });

  function ensureUser(login: string, seed: UserSeed = {}, isOrganization = false): UserRecord {
    const existing = state.user(login);
    if (existing) return existing;
    const at = now();
    const user: UserRecord = {
      id: state.ids.user.take(),
      login,
      fullName: seed.fullName ?? '',
      email: seed.email ?? (isOrganization ? '' : `${login.toLowerCase()}@example.com`),
      isAdmin: seed.isAdmin ?? false,
      isOrganization,
      keepEmailPrivate: seed.keepEmailPrivate ?? false,
      created: at,
      lastLogin: at,
    };
    state.users.set(login.toLowerCase(), user);
    if (isOrganization) createTeam(login, OWNERS_TEAM, [], { permission: 'owner', includesAllRepositories: true });
    return user;
  }

  function createTeam(org: string, name: string, members: string[], seed: TeamSeed) {
    const team = {
      id: state.ids.team.take(),
      org,
      name,
      description: seed.description ?? '',
      permission: seed.permission ?? 'write',
      includesAllRepositories: seed.includesAllRepositories ?? false,
      members: members.map((login) => ensureUser(login).login.toLowerCase()),
    };
    state.teams.push(team);
    return team;
  }

  function repoRecord(fullName: string): RepoRecord {
    const repo = state.repo(...splitFullName(fullName));
    if (!repo) throw new Error(`unknown repository ${fullName}: call addRepo first`);
    return repo;
  }

  function issueRecord(repo: string, number: number): IssueRecord {
    const issue = state.issue(repoRecord(repo).id, number);
    if (!issue) throw new Error(`no issue #${number} in ${repo}`);
    return issue;
  }

  function labelRecord(repo: RepoRecord, seed: LabelSeed): LabelRecord {
    const color = normalizeColor(seed.color ?? '#ededed');
    if (!color) throw new Error(`bad label color ${seed.color}`);
    const label: LabelRecord = {
      id: state.ids.label.take(),
      repoId: repo.id,
      name: seed.name,
      color,
      description: seed.description ?? '',
      exclusive: seed.exclusive ?? seed.name.includes('/'),
      isArchived: seed.isArchived ?? false,
    };
    state.labels.push(label);
    return label;
  }

  function seedBot(): void {
    ensureUser(botLogin, { fullName: 'Operator Bot' });
  }

  const fake: FakeGitea = {
    baseUrl,
    botLogin,
    token,
    requests,
    violations,
    handlers: [
      http.all(
        `${baseUrl}/*`,
        ({ request }) => serve(request),
      ),
    ],

    addUser: (login, seed) => toApiUser(ensureUser(login, seed), represent),

    addRepo(fullName, repoOptions = {}) {
      const [owner, name] = splitFullName(fullName);
      const ownerRecord = state.user(owner) ?? ensureUser(owner, {}, true);
      const at = now();
      const repo: RepoRecord = {
        id: state.ids.repo.take(),
        owner: ownerRecord.login,
        name,
        description: repoOptions.description ?? '',
        isPrivate: repoOptions.private ?? false,
        created: at,
        updated: at,
      };
      state.repos.set(`${ownerRecord.login}/${name}`.toLowerCase(), repo);
      state.permissions.set(state.permissionKey(repo, botLogin), 'admin');
      return toApiRepository(repo, represent, 'admin');
    },

    addLabel: (repo, seed) => toApiLabel(labelRecord(repoRecord(repo), seed), represent),

    addIssue(repo, seed) {
      const record = repoRecord(repo);
      const poster = ensureUser(seed.user).login;
      const labels = (seed.labels ?? []).map(
        (name) =>
          state.repoLabels(record.id).find((label) => label.name === name) ?? labelRecord(record, { name }),
      );
      const issue = openIssue(
        state,
        record,
        {
          number: seed.number,
          title: seed.title,
          body: seed.body ?? '',
          poster,
          labels,
          assignees: (seed.assignees ?? []).map((login) => ensureUser(login).login),
          isPull: seed.isPull ?? false,
          closed: seed.state === 'closed',
        },
        now(),
      );
      issue.isLocked = seed.locked ?? false;
      return toApiIssue(issue, represent);
    },

    addComment(repo, number, comment) {
      const poster = ensureUser(comment.user).login;
      return toApiComment(addComment(state, issueRecord(repo, number), poster, comment.body, now()), represent);
    },

    setPermission(repo, user, mode) {
      ensureUser(user);
      state.permissions.set(state.permissionKey(repoRecord(repo), user), mode);
    },

    addTeam(orgAndTeam, members, seed = {}) {
      const [org, name] = splitFullName(orgAndTeam);
      const orgRecord = ensureUser(org, {}, true);
      const existing = state.orgTeams(orgRecord.login).find((team) => team.name === name);
      if (existing) {
        for (const login of members) {
          const member = ensureUser(login).login.toLowerCase();
          if (!existing.members.includes(member)) existing.members.push(member);
        }
        return toApiTeam(existing);
      }
      return toApiTeam(createTeam(orgRecord.login, name, members, seed));
    },

    issue(repo, number) {
      const issue = state.issue(repoRecord(repo).id, number);
      return issue && toApiIssue(issue, represent);
    },

    issueLabels: (repo, number) =>
      issueLabelRecords(issueRecord(repo, number), represent).map((label) => label.name),

    comments(repo, number) {
      const issue = issueRecord(repo, number);
      return state.comments(issue.repoId, issue.number).map((comment) => toApiComment(comment, represent));
    },

    timeline(repo, number) {
      const issue = issueRecord(repo, number);
      return state.timeline
        .filter((event) => event.repoId === issue.repoId && event.issueNumber === issue.number)
        .map((event) => toApiTimelineComment(event, represent));
    },

    repoLabels: (repo) =>
      state
        .repoLabels(repoRecord(repo).id)
        .sort(byLabelName)
        .map((label) => toApiLabel(label, represent)),

    statuses(repo, sha) {
      const record = repoRecord(repo);
      return state.statuses
        .filter((status) => status.repoId === record.id && (sha === undefined || status.sha === sha))
        .map((status) => toApiCommitStatus(status, represent));
    },

    requestsTo: (method, path) => requests.filter((request) => matchesRequest(request, method, path)),

    failNext: (fault) => faults.add(fault),

    assertContract() {
      if (violations.length === 0) return;
      throw new Error(`Gitea contract violations:\n${describeViolations(violations)}`);
    },

    reset() {
      state.clear();
      faults.clear();
      requests.length = 0;
      violations.length = 0;
      seedBot();
    },
  };

  seedBot();
  return fake;
}
