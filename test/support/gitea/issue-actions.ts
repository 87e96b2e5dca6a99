import { addIssueLabels } from './issue-labels.js';
import type { IssueRecord, LabelRecord, RepoRecord } from './records.js';
import type { GiteaState } from './state.js';
import { recordTimeline } from './timeline.js';

export interface NewIssue {
  number?: number;
  title: string;
  body: string;
  poster: string;
  labels: LabelRecord[];
  assignees: string[];
  isPull: boolean;
  closed: boolean;
}

export function openIssue(state: GiteaState, repo: RepoRecord, fields: NewIssue, at: string): IssueRecord {
  const issue: IssueRecord = {
    id: state.ids.issue.take(),
    repoId: repo.id,
    number: fields.number ?? state.nextIssueNumber(repo.id),
    title: fields.title,
    body: fields.body,
    poster: fields.poster,
    labelIds: [],
    assignees: [],
    isClosed: false,
    isPull: fields.isPull,
    isLocked: false,
    created: at,
    updated: at,
    closed: null,
  };
  state.issues.push(issue);
  addIssueLabels({ state, issue, actor: fields.poster, at }, fields.labels);
  for (const assignee of fields.assignees) changeAssignee(state, issue, assignee, true, fields.poster, at);
  if (fields.closed) changeIssueState(state, issue, true, fields.poster, at);
  return issue;
}

export function changeIssueState(
  state: GiteaState,
  issue: IssueRecord,
  closed: boolean,
  actor: string,
  at: string,
): void {
  if (issue.isClosed === closed) return;
  issue.isClosed = closed;
  issue.closed = closed ? at : null;
  recordTimeline(state, issue, { kind: closed ? 'close' : 'reopen', actor, body: '' }, at);
}

export function changeAssignee(
  state: GiteaState,
  issue: IssueRecord,
  login: string,
  add: boolean,
  actor: string,
  at: string,
): void {
  const present = issue.assignees.includes(login);
  if (present === add) return;
  issue.assignees = add ? [...issue.assignees, login] : issue.assignees.filter((name) => name !== login);
  recordTimeline(
    state,
    issue,
    { kind: 'assignees', actor, body: '', assignee: login, removedAssignee: !add },
    at,
  );
}

export function changeTitle(
  state: GiteaState,
  issue: IssueRecord,
  title: string,
  actor: string,
  at: string,
): void {
  if (issue.title === title) return;
  recordTimeline(
    state,
    issue,
    { kind: 'change_title', actor, body: '', oldTitle: issue.title, newTitle: title },
    at,
  );
  issue.title = title;
}

export function addComment(state: GiteaState, issue: IssueRecord, poster: string, body: string, at: string) {
  return recordTimeline(state, issue, { kind: 'comment', actor: poster, body }, at);
}
