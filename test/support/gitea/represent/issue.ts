import type { ApiIssue } from '../api-types.js';
import type { IssueRecord } from '../records.js';
import type { RepresentContext } from './context.js';
import { byLabelName, toApiLabel } from './label.js';
import { repoApiUrl, repoHtmlUrl } from './repository.js';
import { toApiUserByLogin } from './user.js';

export function issueHtmlUrl(issue: IssueRecord, context: RepresentContext): string {
  const repo = context.state.repoById(issue.repoId);
  return `${repoHtmlUrl(repo, context)}/${issue.isPull ? 'pulls' : 'issues'}/${issue.number}`;
}

export function issueLabelRecords(issue: IssueRecord, context: RepresentContext) {
  return issue.labelIds
    .map((id) => context.state.label(id))
    .filter((label) => label !== undefined)
    .sort(byLabelName);
}

export function toApiIssue(issue: IssueRecord, context: RepresentContext): ApiIssue {
  const { state } = context;
  const repo = state.repoById(issue.repoId);
  const assignees = issue.assignees.map((login) => toApiUserByLogin(login, context, 'public'));
  const htmlUrl = issueHtmlUrl(issue, context);
  return {
    id: issue.id,
    url: `${repoApiUrl(repo, context)}/issues/${issue.number}`,
    html_url: htmlUrl,
    number: issue.number,
    user: toApiUserByLogin(issue.poster, context),
    original_author: '',
    original_author_id: 0,
    title: issue.title,
    body: issue.body,
    ref: '',
    assets: [],
    labels: issueLabelRecords(issue, context).map((label) => toApiLabel(label, context)),
    milestone: null,
    assignee: assignees[0] ?? null,
    assignees: assignees.length > 0 ? assignees : null,
    state: issue.isClosed ? 'closed' : 'open',
    is_locked: issue.isLocked,
    comments: state.comments(issue.repoId, issue.number).length,
    created_at: issue.created,
    updated_at: issue.updated,
    closed_at: issue.closed,
    due_date: null,
    pull_request: issue.isPull ? { merged: false, merged_at: null, draft: false, html_url: htmlUrl } : null,
    repository: { id: repo.id, name: repo.name, owner: repo.owner, full_name: `${repo.owner}/${repo.name}` },
    pin_order: 0,
  };
}
