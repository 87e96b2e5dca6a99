import { accessMode, atLeast } from '../access.js';
import { changeAssignee, changeIssueState, changeTitle, openIssue } from '../issue-actions.js';
import { inUpdateWindow, paginate, pagingHeaders } from '../paging.js';
import type { IssueRecord, RepoRecord } from '../records.js';
import { toApiIssue } from '../represent/issue.js';
import { apiError, created, ok, type RouteResult, unprocessable } from '../route-result.js';
import type { Route, RouteContext } from './route.js';
import { inIssue, inRepo } from './scopes.js';

interface CreateIssueOption {
  title: string;
  body?: string;
  assignee?: string;
  assignees?: string[];
  labels?: number[];
  closed?: boolean;
}

interface EditIssueOption {
  title?: string;
  body?: string | null;
  assignee?: string | null;
  assignees?: string[] | null;
  state?: string | null;
}

function labelFilter(context: RouteContext, repo: RepoRecord): (issue: IssueRecord) => boolean {
  const names = (context.query.get('labels') ?? '').split(',');
  // Names that match no label are dropped, as in Gitea: an unknown name filters nothing.
  const ids = context.state
    .repoLabels(repo.id)
    .filter((label) => names.includes(label.name))
    .map((label) => label.id);
  return (issue) => ids.every((id) => issue.labelIds.includes(id));
}

function listFilter(context: RouteContext, repo: RepoRecord): (issue: IssueRecord) => boolean {
  const { query } = context;
  const state = query.get('state') ?? 'open';
  const type = query.get('type');
  const keyword = (query.get('q') ?? '').trim().toLowerCase();
  const inWindow = inUpdateWindow(query);
  const createdBy = query.get('created_by');
  const assignedBy = query.get('assigned_by');
  const mentionedBy = query.get('mentioned_by');
  const hasLabels = labelFilter(context, repo);
  return (issue) =>
    issue.repoId === repo.id &&
    (state === 'all' || issue.isClosed === (state === 'closed')) &&
    (type !== 'issues' || !issue.isPull) &&
    (type !== 'pulls' || issue.isPull) &&
    (keyword === '' || `${issue.title}\n${issue.body}`.toLowerCase().includes(keyword)) &&
    inWindow(issue.updated) &&
    (!createdBy || issue.poster.toLowerCase() === createdBy.toLowerCase()) &&
    (!assignedBy || issue.assignees.some((login) => login.toLowerCase() === assignedBy.toLowerCase())) &&
    (!mentionedBy || issue.body.includes(`@${mentionedBy}`)) &&
    hasLabels(issue);
}

function newestFirst(a: IssueRecord, b: IssueRecord): number {
  return Date.parse(b.created) - Date.parse(a.created) || b.id - a.id;
}

function unassignable(context: RouteContext, repo: RepoRecord, logins: string[]): RouteResult | undefined {
  for (const login of logins) {
    const user = context.state.user(login);
    if (!user) return unprocessable(context.site, `Assignee does not exist: [name: ${login}]`);
    if (!atLeast(accessMode(context.state, repo, user.login), 'write')) {
      return unprocessable(
        context.site,
        `user doesn't have access to repo [user_id: ${user.id}, repo_name: ${repo.name}]`,
      );
    }
  }
  return undefined;
}

function createIssue(context: RouteContext): RouteResult {
  return inRepo(context, ({ repo, mode }) => {
    const form = context.body as CreateIssueOption;
    if (!form.title) return unprocessable(context.site, '[Title]: Required');
    const canWrite = atLeast(mode, 'write');
    const assignees = canWrite ? [...(form.assignee ? [form.assignee] : []), ...(form.assignees ?? [])] : [];
    const refused = unassignable(context, repo, assignees);
    if (refused) return refused;
    const labelIds = canWrite ? (form.labels ?? []) : [];
    const labels = labelIds
      .map((id) => context.state.label(id))
      .filter((label) => label !== undefined)
      .filter((label) => label.repoId === repo.id);
    const issue = openIssue(
      context.state,
      repo,
      {
        title: form.title,
        body: form.body ?? '',
        poster: context.doer.login,
        labels,
        assignees: [...new Set(assignees.map((login) => context.state.user(login)?.login ?? login))],
        isPull: false,
        closed: form.closed ?? false,
      },
      context.now(),
    );
    return created(toApiIssue(issue, context.represent));
  });
}

function editIssue(context: RouteContext): RouteResult {
  return inIssue(context, ({ mode, issue }) => {
    const form = context.body as EditIssueOption;
    const canWrite = atLeast(mode, 'write');
    if (issue.poster !== context.doer.login && !canWrite) return { status: 403 };
    const actor = context.doer.login;
    const at = context.now();
    if (form.title) changeTitle(context.state, issue, form.title, actor, at);
    if (typeof form.body === 'string' && form.body !== issue.body) {
      issue.body = form.body;
      issue.updated = at;
    }
    if (canWrite && (form.assignees != null || form.assignee != null)) {
      const wanted = form.assignees ?? (form.assignee ? [form.assignee] : []);
      const unknown = wanted.find((login) => !context.state.user(login));
      if (unknown) return apiError(context.site, 500, `user does not exist [uid: 0, name: ${unknown}]`);
      const logins = wanted.map((login) => context.state.user(login)?.login ?? login);
      for (const login of issue.assignees.filter((name) => !logins.includes(name))) {
        changeAssignee(context.state, issue, login, false, actor, at);
      }
      for (const login of logins) changeAssignee(context.state, issue, login, true, actor, at);
    }
    if (typeof form.state === 'string')
      changeIssueState(context.state, issue, form.state === 'closed', actor, at);
    return created(toApiIssue(issue, context.represent));
  });
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues',
    handle: (context) =>
      inRepo(context, ({ repo }) => {
        const matching = context.state.issues.filter(listFilter(context, repo)).sort(newestFirst);
        const page = paginate(matching, context.query, context.state.maxResponseItems);
        return ok(
          page.items.map((issue) => toApiIssue(issue, context.represent)),
          pagingHeaders(context.site, context.url, page, true),
        );
      }),
  },
  { method: 'POST', template: '/repos/{owner}/{repo}/issues', handle: createIssue },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{index}',
    handle: (context) => inIssue(context, ({ issue }) => ok(toApiIssue(issue, context.represent))),
  },
  { method: 'PATCH', template: '/repos/{owner}/{repo}/issues/{index}', handle: editIssue },
];
