import { openIssue } from '../issue-actions.js';
import { pullKey } from '../pulls.js';
import { toApiRepository } from '../represent/repository.js';
import { toApiUser } from '../represent/user.js';
import { apiError, created, notFound, unprocessable } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

interface CreatePullOption {
  head?: string;
  base?: string;
  title?: string;
  body?: string;
}

export const pullCreateRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/pulls',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        const form = context.body as CreatePullOption;
        const head = form.head ?? '';
        const base = form.base ?? '';
        const headCommit = context.state.branch(repo.id, head);
        const baseCommit = context.state.branch(repo.id, base);
        if (!headCommit || !baseCommit) return notFound(context.site);
        if (!form.title) return unprocessable(context.site, '[Title]: Required');
        // routers/api/v1/repo/pull.go CreatePullRequest: one open pull request per head and base.
        const existing = context.state.issues.find((issue) => {
          const pull = context.state.pulls.get(pullKey(repo.id, issue.number));
          return (
            issue.repoId === repo.id &&
            issue.isPull &&
            !issue.isClosed &&
            pull?.head === head &&
            pull.base === base
          );
        });
        if (existing)
          return apiError(
            context.site,
            409,
            `pull request already exists for these targets [id: ${existing.id}, issue_id: ${existing.id}, head_repo_id: ${repo.id}, base_repo_id: ${repo.id}, head_branch: ${head}, base_branch: ${base}]`,
          );
        const issue = openIssue(
          context.state,
          repo,
          {
            title: form.title,
            body: form.body ?? '',
            poster: context.doer.login,
            labels: [],
            assignees: [],
            isPull: true,
            closed: false,
          },
          context.now(),
        );
        context.state.pulls.set(pullKey(repo.id, issue.number), { commits: [], diff: '', head, base });
        const repoJson = toApiRepository(repo, context.represent, mode);
        const url = `${context.site.appUrl}${repo.owner}/${repo.name}/pulls/${issue.number}`;
        return created({
          id: issue.id,
          url,
          number: issue.number,
          user: toApiUser(context.doer, context.represent),
          title: issue.title,
          body: issue.body,
          labels: [],
          milestone: null,
          assignee: null,
          assignees: null,
          requested_reviewers: null,
          state: 'open',
          draft: false,
          is_locked: false,
          comments: 0,
          html_url: url,
          diff_url: `${url}.diff`,
          patch_url: `${url}.patch`,
          mergeable: true,
          merged: false,
          merged_at: null,
          merge_commit_sha: null,
          merged_by: null,
          allow_maintainer_edit: false,
          base: { label: base, ref: base, sha: baseCommit.sha, repo_id: repo.id, repo: repoJson },
          head: { label: head, ref: head, sha: headCommit.sha, repo_id: repo.id, repo: repoJson },
          merge_base: baseCommit.sha,
          due_date: null,
          created_at: issue.created,
          updated_at: issue.updated,
          closed_at: null,
          pin_order: 0,
        });
      }),
  },
];
