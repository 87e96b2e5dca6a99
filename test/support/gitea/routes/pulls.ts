import { pullKey } from '../pulls.js';
import { ok } from '../route-result.js';
import type { Route } from './route.js';
import { inIssue } from './scopes.js';

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{index}/commits',
    handle: (context) =>
      inIssue(context, ({ repo, issue }) => {
        const pull = context.state.pulls.get(pullKey(repo.id, issue.number));
        const base = `${context.site.baseUrl}/api/v1/repos/${context.params.owner}/${context.params.repo}`;
        const commits = (pull?.commits ?? []).map((commit) => ({
          url: `${base}/git/commits/${commit.sha}`,
          sha: commit.sha,
          created: context.now(),
          html_url: `${context.site.baseUrl}/${context.params.owner}/${context.params.repo}/commit/${commit.sha}`,
          commit: {
            url: `${base}/git/commits/${commit.sha}`,
            author: { name: commit.author.name, email: commit.author.email, date: context.now() },
            committer: { name: commit.author.name, email: commit.author.email, date: context.now() },
            message: commit.message,
            tree: { url: `${base}/git/trees/${commit.sha}`, sha: commit.sha, created: context.now() },
            verification: null,
          },
          author: null,
          committer: null,
          parents: [],
          files: null,
          stats: null,
        }));
        return ok(commits, { 'X-Total-Count': String(commits.length) });
      }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{index}.{diffType}',
    handle: (context) =>
      inIssue(context, ({ repo, issue }) => {
        const pull = context.state.pulls.get(pullKey(repo.id, issue.number));
        return { status: 200, text: pull?.diff ?? '' };
      }),
  },
];
