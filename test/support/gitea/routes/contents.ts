import { atLeast } from '../access.js';
import type { CommitRecord, RepoRecord } from '../records.js';
import { blobSha, canPush, commitOnto, DEFAULT_BRANCH, protectionFor } from '../repo-files.js';
import { apiError, created, forbidden, notFound, ok, unprocessable } from '../route-result.js';
import type { Route, RouteContext } from './route.js';
import { inRepo } from './scopes.js';

interface FileOperation {
  operation: 'create' | 'update' | 'delete';
  path: string;
  content?: string;
  sha?: string;
}

interface ChangeFilesOptions {
  files: FileOperation[];
  message?: string;
  branch?: string;
  new_branch?: string;
}

function contentsResponse(
  context: RouteContext,
  repo: RepoRecord,
  branch: string,
  path: string,
  content: string,
  commit: CommitRecord,
) {
  const base = `${context.site.apiUrl}/repos/${repo.owner}/${repo.name}`;
  const html = `${context.site.appUrl}${repo.owner}/${repo.name}/src/branch/${branch}/${path}`;
  const sha = blobSha(content);
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha,
    last_commit_sha: commit.sha,
    type: 'file',
    size: Buffer.byteLength(content),
    encoding: 'base64',
    content: Buffer.from(content).toString('base64'),
    target: null,
    url: `${base}/contents/${path}?ref=${branch}`,
    html_url: html,
    git_url: `${base}/git/blobs/${sha}`,
    download_url: `${context.site.appUrl}${repo.owner}/${repo.name}/raw/branch/${branch}/${path}`,
    submodule_git_url: null,
    _links: { self: `${base}/contents/${path}?ref=${branch}`, git: `${base}/git/blobs/${sha}`, html },
  };
}

/** The problem of one operation against the base tree, as files/update.go answers it. */
function operationProblem(
  head: CommitRecord | undefined,
  op: FileOperation,
): { status: number; message: string } | undefined {
  const current = head?.files.get(op.path);
  if (op.operation === 'create' && current !== undefined)
    return { status: 422, message: `repository file already exists [path: ${op.path}]` };
  if (op.operation !== 'create' && current === undefined)
    return { status: 404, message: `object does not exist [id: , rel_path: ${op.path}]` };
  if (op.operation !== 'create' && current !== undefined && op.sha !== blobSha(current))
    return {
      status: 422,
      message: `sha does not match [given: ${op.sha ?? ''}, expected: ${blobSha(current)}]`,
    };
  return undefined;
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/contents/{filepath}',
    handle: (context) =>
      inRepo(context, ({ repo }) => {
        const branch = context.query.get('ref') || DEFAULT_BRANCH;
        const head = context.state.branch(repo.id, branch);
        const path = decodeURIComponent(context.params.filepath ?? '');
        const content = head?.files.get(path);
        if (!head || content === undefined) return notFound(context.site);
        return ok(contentsResponse(context, repo, branch, path, content, head));
      }),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/contents',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        // reqRepoBranchWriter: code write access.
        if (!atLeast(mode, 'write'))
          return forbidden(context.site, 'user should have a permission to write to this branch');
        const form = context.body as ChangeFilesOptions;
        const oldBranch = form.branch || DEFAULT_BRANCH;
        const newBranch = form.new_branch || oldBranch;
        const isEmpty = ![...context.state.branches.keys()].some((key) => key.startsWith(`${repo.id}:`));
        const base = context.state.branch(repo.id, oldBranch);
        if (!base && !isEmpty) return notFound(context.site);
        if (newBranch !== oldBranch) {
          if (context.state.branch(repo.id, newBranch))
            return unprocessable(context.site, `branch already exists [name: ${newBranch}]`);
        } else if (!canPush(protectionFor(context.state, repo.id, oldBranch), context.doer)) {
          // files/update.go VerifyBranchProtection → ErrUserCannotCommit → 403
          return forbidden(context.site, `user cannot commit to repo [user: ${context.doer.login}]`);
        }
        for (const op of form.files) {
          const problem = operationProblem(base, op);
          if (problem) return apiError(context.site, problem.status, problem.message);
        }
        const files = new Map<string, string | null>(
          form.files.map((op) => [
            op.path,
            op.operation === 'delete' ? null : Buffer.from(op.content ?? '', 'base64').toString('utf8'),
          ]),
        );
        const message = form.message || `Update ${form.files.map((op) => op.path).join(', ')}`;
        const commit = commitOnto(
          context.state,
          repo,
          newBranch,
          base,
          { message, author: context.doer.login, files },
          context.now(),
        );
        return created({
          files: form.files
            .filter((op) => op.operation !== 'delete')
            .map((op) =>
              contentsResponse(context, repo, newBranch, op.path, commit.files.get(op.path) ?? '', commit),
            ),
          commit: {
            sha: commit.sha,
            message: commit.message,
            url: `${context.site.apiUrl}/repos/${repo.owner}/${repo.name}/git/commits/${commit.sha}`,
            html_url: `${context.site.appUrl}${repo.owner}/${repo.name}/commit/${commit.sha}`,
            created: commit.created,
          },
          verification: {
            verified: false,
            reason: 'gpg.error.not_signed_commit',
            signature: '',
            payload: '',
          },
        });
      }),
  },
];
