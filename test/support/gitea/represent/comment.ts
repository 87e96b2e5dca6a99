import type { ApiComment, ApiTimelineComment } from '../api-types.js';
import type { TimelineRecord } from '../records.js';
import type { RepresentContext } from './context.js';
import { issueHtmlUrl } from './issue.js';
import { toApiLabel } from './label.js';
import { toApiUserByLogin } from './user.js';

function commentUrls(event: TimelineRecord, context: RepresentContext) {
  const issue = context.state.issue(event.repoId, event.issueNumber);
  if (!issue) throw new Error(`comment ${event.id} has no issue`);
  const issueUrl = issueHtmlUrl(issue, context);
  return {
    html_url: `${issueUrl}#issuecomment-${event.id}`,
    pull_request_url: issue.isPull ? issueUrl : '',
    issue_url: issue.isPull ? '' : issueUrl,
  };
}

export function toApiComment(event: TimelineRecord, context: RepresentContext): ApiComment {
  return {
    id: event.id,
    ...commentUrls(event, context),
    user: toApiUserByLogin(event.actor, context, 'public'),
    original_author: '',
    original_author_id: 0,
    body: event.body,
    assets: [],
    created_at: event.created,
    updated_at: event.updated,
  };
}

export function toApiTimelineComment(event: TimelineRecord, context: RepresentContext): ApiTimelineComment {
  const label = event.labelId === undefined ? undefined : context.state.label(event.labelId);
  return {
    id: event.id,
    type: event.kind,
    ...commentUrls(event, context),
    user: toApiUserByLogin(event.actor, context, 'public'),
    body: event.body,
    created_at: event.created,
    updated_at: event.updated,
    old_project_id: 0,
    project_id: 0,
    old_milestone: null,
    milestone: null,
    tracked_time: null,
    old_title: event.oldTitle ?? '',
    new_title: event.newTitle ?? '',
    old_ref: '',
    new_ref: '',
    review_id: 0,
    label: label ? toApiLabel(label, context) : null,
    assignee: event.assignee ? toApiUserByLogin(event.assignee, context, 'public') : null,
    assignee_team: null,
    resolve_doer: null,
    dependent_issue: null,
    removed_assignee: event.removedAssignee ?? false,
  };
}
