import type { Comment, Issue, Label, TimelineComment } from 'gitea-js';
import { createGiteaApi, type GiteaClientOptions, GiteaError, notFoundAs } from './api.js';
import type { PagingRule } from './pages.js';

export { type GiteaClientOptions, GiteaError, notFoundAs };

export type RepoRef = { owner: string; name: string };
export const repoRef = (fullName: string): RepoRef => {
  const [owner = '', name = ''] = fullName.split('/');
  return { owner, name };
};

/** The Gitea calls the bot makes: each with a timeout, retried on 5xx/429/timeouts, counted. */
export function createGiteaClient(options: GiteaClientOptions) {
  const { api, call, answer, paged, timedFetch } = createGiteaApi(options);
  const repos = api.repos;

  const TOTAL: PagingRule = { countIsTotal: true };

  return {
    currentUser: () => call('GET /user', () => api.user.userGetCurrent()),
    version: () => call('GET /version', () => api.version.getVersion()),
    /** Gitea's clock (its `Date` header, whole seconds), or ours when it sends none. ISO 8601. */
    async serverTime(): Promise<string> {
      const version = await answer('GET /version', () => api.version.getVersion());
      const date = Date.parse(version.headers.get('date') ?? '');
      return new Date(Number.isFinite(date) ? date : Date.now()).toISOString();
    },
    listComments: (repo: RepoRef, issue: number) =>
      call('list comments', () => repos.issueGetComments(repo.owner, repo.name, issue)),
    createComment: (repo: RepoRef, issue: number, body: string) =>
      call('create comment', () => repos.issueCreateComment(repo.owner, repo.name, issue, { body }), true),
    /** One comment of the repository (Gitea answers 404 for a comment of another repository). */
    comment: (repo: RepoRef, id: number): Promise<Comment> =>
      call('get comment', () => repos.issueGetComment(repo.owner, repo.name, id)),
    editComment: (repo: RepoRef, id: number, body: string) =>
      call('edit comment', () => repos.issueEditComment(repo.owner, repo.name, id, { body })),
    repoLabels: (repo: RepoRef): Promise<Label[]> =>
      paged('list labels', TOTAL, (page) =>
        repos.issueListLabels(repo.owner, repo.name, { page, limit: 50 }),
      ),
    createLabel: (
      repo: RepoRef,
      label: { name: string; color: string; description: string; exclusive: boolean },
    ) => call('create label', () => repos.issueCreateLabel(repo.owner, repo.name, label), true),
    addLabels: (repo: RepoRef, issue: number, ids: number[]) =>
      call('add labels', () => repos.issueAddLabel(repo.owner, repo.name, issue, { labels: ids })),
    removeLabel: (repo: RepoRef, issue: number, id: number) =>
      call('remove label', () => repos.issueRemoveLabel(repo.owner, repo.name, issue, id)),
    issueLabels: (repo: RepoRef, issue: number) =>
      call('list issue labels', () => repos.issueGetLabels(repo.owner, repo.name, issue)),
    createIssue: (repo: RepoRef, issue: { title: string; body: string; labels: number[] }) =>
      call('create issue', () => repos.issueCreateIssue(repo.owner, repo.name, issue), true),
    editIssue: (
      repo: RepoRef,
      issue: number,
      changes: { title?: string; body?: string; state?: 'open' | 'closed' },
    ) => call('edit issue', () => repos.issueEditIssue(repo.owner, repo.name, issue, changes)),
    pullCommits: (repo: RepoRef, pull: number) =>
      paged('list pull commits', TOTAL, (page) =>
        repos.repoGetPullRequestCommits(repo.owner, repo.name, pull, {
          page,
          limit: 50,
          files: false,
          verification: false,
        }),
      ),
    /** The pull request's unified diff, as text. */
    pullDiff: (repo: RepoRef, pull: number) =>
      call('get pull diff', async () => {
        const url = `${options.baseUrl}/api/v1/repos/${repo.owner}/${repo.name}/pulls/${pull}.diff`;
        const response = await timedFetch(url, { headers: { Authorization: `token ${options.token}` } });
        if (!response.ok) throw response;
        return { data: await response.text() };
      }),
    createStatus: (
      repo: RepoRef,
      sha: string,
      status: {
        state: 'success' | 'failure' | 'pending';
        context: string;
        description: string;
        target_url?: string;
      },
    ) => call('create status', () => repos.repoCreateStatus(repo.owner, repo.name, sha, status)),
    /** The issue as Gitea has it now (labels, body, state, title); a GiteaError with status 404 when it is gone. */
    issue: (repo: RepoRef, issue: number) =>
      call('get issue', () => repos.issueGetIssue(repo.owner, repo.name, issue)),
    /**
     * Every issue of the repo — open and closed, not pull requests — updated at or after `since`
     * (RFC 3339; Gitea compares whole seconds, inclusive) when given.
     */
    allIssues: (repo: RepoRef, since?: string): Promise<Issue[]> =>
      paged('list issues', TOTAL, (page) =>
        repos.issueListIssues(repo.owner, repo.name, {
          state: 'all',
          type: 'issues',
          ...(since ? { since } : {}),
          page,
          limit: 50,
        }),
      ),
    /** Every comment in the repo (issues and pull requests) updated at or after `since`. */
    repoComments: (repo: RepoRef, since: string): Promise<Comment[]> =>
      paged('list repo comments', TOTAL, (page) =>
        repos.issueGetRepoComments(repo.owner, repo.name, { since, page, limit: 50 }),
      ),
    /** An issue's whole timeline: comments and events (close, reopen, label…), oldest first. */
    timeline: (repo: RepoRef, issue: number): Promise<TimelineComment[]> =>
      paged('issue timeline', { countIsTotal: false }, (page) =>
        repos.issueGetCommentsAndTimeline(repo.owner, repo.name, issue, { page, limit: 50 }),
      ),
    /** Issues (not pull requests) whose title or body matches `q`, in every state, first page of 50. */
    searchIssues: (repo: RepoRef, q: string) =>
      call('search issues', () =>
        repos.issueListIssues(repo.owner, repo.name, { state: 'all', type: 'issues', q, page: 1, limit: 50 }),
      ),
    setIssueState: (repo: RepoRef, issue: number, state: 'open' | 'closed') =>
      call('edit issue', () => repos.issueEditIssue(repo.owner, repo.name, issue, { state })),
    permission: async (repo: RepoRef, user: string) =>
      (await call('get permission', () => repos.repoGetRepoPermissions(repo.owner, repo.name, user)))
        .permission ?? 'none',
    /**
     * The account that holds `login` now: `{ id, login }`, or undefined when no account has it
     * (404). A name freed by a rename answers a redirect to the renamed account (Gitea's
     * `user_redirect`), which fetch follows: its id and current login come back.
     */
    async userByLogin(login: string): Promise<{ id: number; login: string } | undefined> {
      try {
        const user = await call('get user', () => api.users.userGet(login));
        return user.id && user.login ? { id: user.id, login: user.login } : undefined;
      } catch (error) {
        if (error instanceof GiteaError && error.status === 404) return undefined;
        throw error;
      }
    },
    /**
     * The account with user id `id` now (`GET /users/search?uid=`, Gitea 1.22 has no user-by-id
     * route): `{ id, login }`, or undefined when it is gone.
     */
    async userById(id: number): Promise<{ id: number; login: string } | undefined> {
      const found = await call('search users', () => api.users.userSearch({ uid: id, limit: 1 }));
      const user = (found.data ?? []).find((u) => u.id === id);
      return user?.login ? { id, login: user.login } : undefined;
    },
    /** One page (of 50) of an organization's teams: every team, for any member of the org (403 otherwise). */
    orgTeams: async (org: string, page: number) =>
      (await call('list teams', () => api.orgs.orgListTeams(org, { page, limit: 50 }))).map((team) => ({
        id: team.id ?? 0,
        name: team.name ?? '',
      })),
    /** Whether `user` is in the team (200/404); a caller outside the team and not an org owner gets a 403 GiteaError. */
    async teamHasMember(teamId: number, user: string): Promise<boolean> {
      try {
        await call('get team member', () => api.teams.orgListTeamMember(teamId, user));
        return true;
      } catch (error) {
        if (error instanceof GiteaError && error.status === 404) return false;
        throw error;
      }
    },
  };
}

export type GiteaClient = ReturnType<typeof createGiteaClient>;
export type { Comment, Issue, Label, TimelineComment };
