import { type HttpHandler, http } from 'msw';
import { accessMode } from './access.js';
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
import { eventsArray } from './hook-events.js';
import { type PullSeed, pullKey } from './pulls.js';
import type { HookDeliveryRecord, ProtectionRecord } from './records.js';
import { renameUser } from './rename-user.js';
import { commitOnto, DEFAULT_BRANCH } from './repo-files.js';
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
import type { IssueSeed, LabelSeed, RepoSeed, TeamSeed, UserSeed } from './seeds.js';
import { Seeder, splitFullName } from './seeds.js';
import { createRequestServer } from './serve-request.js';
import { describeSite, giteaTime } from './site.js';
import { GiteaState } from './state.js';
import { ALL_SCOPES } from './token-scopes.js';

export interface FakeGiteaOptions {
  baseUrl?: string;
  botLogin?: string;
  /** The token the bot must send (`Authorization: token …` or `Bearer …`). */
  token?: string;
  version?: string;
  now?: () => Date;
}

export interface FakeGitea {
  readonly baseUrl: string;
  readonly botLogin: string;
  readonly token: string;
  /** msw handlers answering everything under `baseUrl`. */
  readonly handlers: HttpHandler[];
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  readonly violations: ContractViolation[];
  addUser(login: string, seed?: UserSeed): ApiUser;
  /** Creates the owner as an organization (with its Owners team) when it does not exist; the
   * bot gets `admin` on the repository (change it with setPermission). */
  addRepo(fullName: string, seed?: RepoSeed): ApiRepository;
  addLabel(repo: string, seed: LabelSeed): ApiLabel;
  addIssue(repo: string, seed: IssueSeed): ApiIssue;
  /** A pull request (an issue with `isPull`) with its commits and unified diff. */
  addPullRequest(repo: string, seed: IssueSeed & PullSeed): ApiIssue;
  addComment(repo: string, number: number, comment: { user: string; body: string }): ApiComment;
  setPermission(repo: string, user: string, mode: AccessMode): void;
  /** Creates `org/team` (or adds members to it). The bot must be a member of the org to
   * search its teams, and of the team (or the org's Owners team) to check its members. */
  addTeam(orgAndTeam: string, members: string[], seed?: TeamSeed): ApiTeam;
  /** Renames a user as Gitea does: same id, the old name redirects until someone registers it (rename-user.ts). */
  renameUser(from: string, to: string): void;
  /** Makes a user a site administrator of the instance (or not), e.g. the bot account. */
  setSiteAdmin(login: string, isAdmin: boolean): void;
  issue(repo: string, number: number): ApiIssue | undefined;
  issueLabels(repo: string, number: number): string[];
  comments(repo: string, number: number): ApiComment[];
  timeline(repo: string, number: number): ApiTimelineComment[];
  repoLabels(repo: string): ApiLabel[];
  statuses(repo: string, sha?: string): ApiCommitStatus[];
  /** Requests by method and API path (`/repos/o/r/issues/7`), swagger template
   * (`/repos/{owner}/{repo}/issues/{index}`) or RegExp on the API path. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[];
  failNext(fault: FaultSpec): void;
  /** Narrows the bot token's scopes (`read:user`, `write:issue`…); `reset` gives back `all`. */
  setTokenScopes(scopes: string[]): void;
  /** Commits files (path → text) onto a branch (default `main`), creating it. */
  commitFiles(repo: string, files: Record<string, string>, branch?: string): void;
  /** A branch's files (path → text); undefined when the branch does not exist. */
  files(repo: string, branch?: string): Record<string, string> | undefined;
  protectBranch(repo: string, rule: Partial<Omit<ProtectionRecord, 'repoId'>> & { ruleName: string }): void;
  /** The repo's webhooks as Gitea keeps them (with the secret the API never shows). */
  hooks(repo: string): {
    id: number;
    url: string;
    contentType: string;
    secret: string;
    events: string[];
    active: boolean;
    branchFilter: string;
  }[];
  /** Deliveries sent so far; `settled()` waits until every one has its answer. */
  readonly deliveries: HookDeliveryRecord[];
  settled(): Promise<void>;
  /** The site's `[api] MAX_RESPONSE_ITEMS` (default 50) until the next reset. */
  setMaxResponseItems(items: number): void;
  /** Deletes an issue as a site admin does; Gitea sends no webhook for it (go-gitea/gitea#34591). */
  deleteIssue(repo: string, number: number): void;
  /**
   * A comment delivery as Gitea builds it when the comment is saved (services/webhook/notifier.go
   * CreateIssueComment, UpdateComment): the issue's title, body, state, labels and assignees as
   * they are now (and, in a pull request, its `pull_request`: services/convert/issue.go toIssue), and
   * `repository.permissions` of the commenter (the sender), not of the bot.
   * The rest of `payload` is kept; an issue or repository the emulator does not hold is left as sent.
   */
  asCommentSaved<T extends CommentPayloadShape>(payload: T): T;
  /** Drops the faults not used up (the outage is over). */
  clearFaults(): void;
  /**
   * Gitea's clock (what it stamps on what it creates and edits) runs from `iso` on, until the next
   * reset: a test whose deliveries carry fixed dates keeps Gitea's own stamps in the same story,
   * whatever day the test runs on.
   */
  clockFrom(iso: string): void;
  /** Gitea's clock stands at `iso` until the next reset (or clockFrom): every stamp is the same in every run. */
  clockAt(iso: string): void;
  assertContract(): void;
  reset(): void;
}

/** What asCommentSaved reads of a comment delivery. */
type CommentPayloadShape = {
  issue: { number: number };
  repository: { full_name: string };
  sender: { login: string };
};

export function createFakeGitea(options: FakeGiteaOptions = {}): FakeGitea {
  const baseUrl = (options.baseUrl ?? 'http://gitea.test').replace(/\/+$/, '');
  const botLogin = options.botLogin ?? 'operator-bot';
  const token = options.token ?? 'test-token';
  const site = describeSite(baseUrl, options.version ?? '1.22.6');
  const wallClock = options.now ?? (() => new Date());
  let clock = wallClock;
  const now = () => giteaTime(clock());
  const state = new GiteaState();
  const seed = new Seeder(state, now);
  const faults = new FaultPlan();
  const requests: RecordedRequest[] = [];
  const violations: ContractViolation[] = [];
  const represent: RepresentContext = { state, site, doer: botLogin };
  let scopes: readonly string[] = ALL_SCOPES;
  const serve = createRequestServer({
    state,
    site,
    token,
    botLogin,
    faults,
    requests,
    violations,
    now,
    scopes: () => scopes,
  });
  const seedBot = () => seed.user(botLogin, { fullName: 'Operator Bot' });

  const fake: FakeGitea = {
    baseUrl,
    botLogin,
    token,
    requests,
    violations,
    handlers: [http.all(`${baseUrl}/*`, ({ request }) => serve(request))],

    addUser: (login, userSeed) => toApiUser(seed.user(login, userSeed), represent),

    addRepo(fullName, repoSeed) {
      const repo = seed.repo(fullName, repoSeed);
      seed.permission(fullName, botLogin, 'admin');
      return toApiRepository(repo, represent, 'admin');
    },

    addLabel: (repo, labelSeed) => toApiLabel(seed.label(seed.existingRepo(repo), labelSeed), represent),
    addIssue: (repo, issueSeed) => toApiIssue(seed.issue(repo, issueSeed), represent),
    addPullRequest: (repo, { commits, diff, ...issueSeed }) => {
      const issue = seed.issue(repo, { ...issueSeed, isPull: true });
      state.pulls.set(pullKey(issue.repoId, issue.number), { commits, diff });
      return toApiIssue(issue, represent);
    },
    addComment: (repo, number, comment) => toApiComment(seed.comment(repo, number, comment), represent),
    setPermission: (repo, user, mode) => seed.permission(repo, user, mode),
    addTeam: (orgAndTeam, members, teamSeed) => toApiTeam(seed.team(orgAndTeam, members, teamSeed)),
    renameUser: (from, to) => renameUser(state, from, to),
    setSiteAdmin: (login, isAdmin) => {
      seed.user(login).isAdmin = isAdmin;
    },

    issue(repo, number) {
      const issue = state.issue(seed.existingRepo(repo).id, number);
      return issue && toApiIssue(issue, represent);
    },

    asCommentSaved(payload) {
      const repo = state.repo(...splitFullName(payload.repository.full_name));
      if (!repo) return payload;
      const { permissions } = toApiRepository(repo, represent, accessMode(state, repo, payload.sender.login));
      const record = state.issue(repo.id, payload.issue.number);
      const now = record && toApiIssue(record, represent);
      return {
        ...payload,
        repository: { ...payload.repository, permissions },
        ...(now
          ? {
              issue: {
                ...payload.issue,
                title: now.title,
                body: now.body,
                state: now.state,
                labels: now.labels,
                assignees: now.assignees,
                pull_request: now.pull_request,
              },
            }
          : {}),
      };
    },

    issueLabels: (repo, number) =>
      issueLabelRecords(seed.existingIssue(repo, number), represent).map((label) => label.name),

    comments(repo, number) {
      const issue = seed.existingIssue(repo, number);
      return state.comments(issue.repoId, issue.number).map((comment) => toApiComment(comment, represent));
    },

    timeline(repo, number) {
      const issue = seed.existingIssue(repo, number);
      return state.timeline
        .filter((event) => event.repoId === issue.repoId && event.issueNumber === issue.number)
        .map((event) => toApiTimelineComment(event, represent));
    },

    repoLabels: (repo) =>
      state
        .repoLabels(seed.existingRepo(repo).id)
        .sort(byLabelName)
        .map((label) => toApiLabel(label, represent)),

    statuses(repo, sha) {
      const { id } = seed.existingRepo(repo);
      return state.statuses
        .filter((status) => status.repoId === id && (sha === undefined || status.sha === sha))
        .map((status) => toApiCommitStatus(status, represent));
    },

    requestsTo: (method, path) => requests.filter((request) => matchesRequest(request, method, path)),
    failNext: (fault: FaultSpec) => faults.add(fault),
    setTokenScopes: (next) => {
      scopes = [...next];
    },
    commitFiles(repo, files, branch = DEFAULT_BRANCH) {
      const record = seed.existingRepo(repo);
      commitOnto(
        state,
        record,
        branch,
        state.branch(record.id, branch),
        { message: 'seed', author: record.owner, files: new Map(Object.entries(files)) },
        now(),
      );
    },
    files(repo, branch = DEFAULT_BRANCH) {
      const head = state.branch(seed.existingRepo(repo).id, branch);
      return head && Object.fromEntries(head.files);
    },
    protectBranch(repo, rule) {
      state.protections.push({
        repoId: seed.existingRepo(repo).id,
        enablePush: false,
        enablePushWhitelist: false,
        pushWhitelistUsernames: [],
        requiredApprovals: 0,
        created: now(),
        updated: now(),
        ...rule,
      });
    },
    hooks(repo) {
      const { id } = seed.existingRepo(repo);
      return state.hooks
        .filter((hook) => hook.repoId === id)
        .map((hook) => ({
          id: hook.id,
          url: hook.url,
          contentType: hook.contentType,
          secret: hook.secret,
          events: eventsArray(hook.events),
          active: hook.active,
          branchFilter: hook.branchFilter,
        }));
    },
    deliveries: state.deliveries,
    settled: async () => {
      await Promise.all(state.deliveries.map((delivery) => delivery.done));
    },
    setMaxResponseItems(items) {
      state.maxResponseItems = items;
    },
    deleteIssue(repo, number) {
      const issue = seed.existingIssue(repo, number);
      state.issues.splice(state.issues.indexOf(issue), 1);
      for (let i = state.timeline.length - 1; i >= 0; i--) {
        const entry = state.timeline[i];
        if (entry?.repoId === issue.repoId && entry.issueNumber === issue.number) state.timeline.splice(i, 1);
      }
    },
    clearFaults: () => faults.clear(),

    assertContract() {
      if (violations.length === 0) return;
      throw new Error(`Gitea contract violations:\n${describeViolations(violations)}`);
    },

    clockAt(iso) {
      clock = () => new Date(iso);
    },
    clockFrom(iso) {
      const offset = Date.parse(iso) - Date.now();
      clock = () => new Date(Date.now() + offset);
    },
    reset() {
      clock = wallClock;
      state.clear();
      faults.clear();
      scopes = ALL_SCOPES;
      requests.length = 0;
      violations.length = 0;
      seedBot();
    },
  };

  seedBot();
  return fake;
}
