import type { ChangeFileOperation, CreateHookOption, EditHookOption } from 'gitea-js';
import { createGiteaApi, type GiteaClientOptions, notFoundAs } from '../gitea/api.js';
import type { LabelSpec } from '../gitea/bot-labels.js';
import { createGiteaClient, type RepoRef } from '../gitea/client.js';

export type FileAtRef = { content: string; sha: string };

/** The Gitea calls `init` and the install checks make (repo settings rather than issues). */
export function createGiteaAdmin(options: GiteaClientOptions) {
  const { api, call } = createGiteaApi(options);
  const repos = api.repos;
  const client = createGiteaClient(options);

  return {
    currentUser: () => call('GET /user', () => api.user.userGetCurrent()),
    repository: (repo: RepoRef) => call('get repository', () => repos.repoGet(repo.owner, repo.name)),
    /** A harmless write per scope (an edit of label 0 / hook 0): Gitea checks the token's scope first, then answers 404. */
    probeIssueWrite: (repo: RepoRef) =>
      call('edit label (scope probe)', () => repos.issueEditLabel(repo.owner, repo.name, 0, {})),
    probeRepositoryWrite: (repo: RepoRef) =>
      call('edit hook (scope probe)', () => repos.repoEditHook(repo.owner, repo.name, 0, {})),
    /** For the team check shared with the bot (gitea/teams.ts). */
    orgTeams: client.orgTeams,
    teamHasMember: client.teamHasMember,
    async collaborators(repo: RepoRef): Promise<string[]> {
      const logins: string[] = [];
      for (let page = 1; ; page++) {
        const batch = await call('list collaborators', () =>
          repos.repoListCollaborators(repo.owner, repo.name, { page, limit: 50 }),
        );
        logins.push(...batch.map((user) => user.login ?? '').filter(Boolean));
        if (batch.length < 50) return logins;
      }
    },
    permission: async (repo: RepoRef, login: string) =>
      (await call('get permission', () => repos.repoGetRepoPermissions(repo.owner, repo.name, login)))
        .permission ?? 'none',
    async labels(repo: RepoRef) {
      const all = [];
      for (let page = 1; ; page++) {
        const batch = await call('list labels', () =>
          repos.issueListLabels(repo.owner, repo.name, { page, limit: 50 }),
        );
        all.push(...batch);
        if (batch.length < 50) return all;
      }
    },
    createLabel: (repo: RepoRef, spec: LabelSpec) =>
      call('create label', () => repos.issueCreateLabel(repo.owner, repo.name, spec), true),
    editLabel: (repo: RepoRef, id: number, spec: LabelSpec) =>
      call('edit label', () => repos.issueEditLabel(repo.owner, repo.name, id, spec)),
    /** A file's text and blob sha on `ref`, or undefined when it (or the branch) does not exist. */
    file: (repo: RepoRef, path: string, ref: string): Promise<FileAtRef | undefined> =>
      notFoundAs(
        call('get contents', () => repos.repoGetContents(repo.owner, repo.name, path, { ref })).then(
          (file): FileAtRef => ({
            content: Buffer.from(file.content ?? '', 'base64').toString('utf8'),
            sha: file.sha ?? '',
          }),
        ),
        undefined,
      ),
    changeFiles: (
      repo: RepoRef,
      change: { files: ChangeFileOperation[]; message: string; branch: string; newBranch?: string },
    ) =>
      call(
        'change files',
        () =>
          repos.repoChangeFiles(repo.owner, repo.name, {
            files: change.files,
            message: change.message,
            branch: change.branch,
            ...(change.newBranch ? { new_branch: change.newBranch } : {}),
          }),
        true,
      ),
    protections: (repo: RepoRef) =>
      call('list branch protections', () => repos.repoListBranchProtection(repo.owner, repo.name)),
    createPull: (repo: RepoRef, pull: { head: string; base: string; title: string; body: string }) =>
      call('create pull request', () => repos.repoCreatePullRequest(repo.owner, repo.name, pull), true),
    hooks: (repo: RepoRef) => call('list hooks', () => repos.repoListHooks(repo.owner, repo.name)),
    createHook: (repo: RepoRef, hook: CreateHookOption) =>
      call('create hook', () => repos.repoCreateHook(repo.owner, repo.name, hook), true),
    editHook: (repo: RepoRef, id: number, hook: EditHookOption) =>
      call('edit hook', () => repos.repoEditHook(repo.owner, repo.name, id, hook)),
    testHook: (repo: RepoRef, id: number) =>
      call('test hook', () => repos.repoTestHook(repo.owner, repo.name, id)),
  };
}

export type GiteaAdmin = ReturnType<typeof createGiteaAdmin>;
