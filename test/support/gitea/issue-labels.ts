import type { IssueRecord, LabelRecord } from './records.js';
import type { GiteaState } from './state.js';
import { recordTimeline } from './timeline.js';

export interface LabelChange {
  state: GiteaState;
  issue: IssueRecord;
  actor: string;
  at: string;
}

export function exclusiveScope(label: LabelRecord): string {
  if (!label.exclusive) return '';
  const slash = label.name.lastIndexOf('/');
  if (slash <= 0 || slash === label.name.length - 1) return '';
  return label.name.slice(0, slash);
}

function detach(change: LabelChange, label: LabelRecord): void {
  const { issue } = change;
  if (!issue.labelIds.includes(label.id)) return;
  issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
  recordTimeline(
    change.state,
    issue,
    { kind: 'label', actor: change.actor, body: '', labelId: label.id },
    change.at,
  );
}

/** Adding an exclusive scoped label drops the issue's other labels of that scope, as Gitea does
 * (models/issues/issue_label.go, newIssueLabel → RemoveDuplicateExclusiveIssueLabels). */
function attach(change: LabelChange, label: LabelRecord): void {
  const { issue, state } = change;
  if (issue.labelIds.includes(label.id) || label.repoId !== issue.repoId) return;
  const scope = exclusiveScope(label);
  if (scope !== '') {
    for (const other of issue.labelIds.map((id) => state.label(id))) {
      if (other && exclusiveScope(other) === scope) detach(change, other);
    }
  }
  issue.labelIds.push(label.id);
  recordTimeline(
    state,
    issue,
    { kind: 'label', actor: change.actor, body: '1', labelId: label.id },
    change.at,
  );
}

export function addIssueLabels(change: LabelChange, labels: LabelRecord[]): void {
  for (const label of labels) attach(change, label);
}

function keepLastPerExclusiveScope(labels: LabelRecord[]): LabelRecord[] {
  return labels.filter((label, i) => {
    const scope = exclusiveScope(label);
    return scope === '' || !labels.slice(i + 1).some((later) => exclusiveScope(later) === scope);
  });
}

export function replaceIssueLabels(change: LabelChange, labels: LabelRecord[]): void {
  const wanted = keepLastPerExclusiveScope(labels).sort((a, b) => a.id - b.id);
  const current = change.issue.labelIds
    .map((id) => change.state.label(id))
    .filter((label) => label !== undefined);
  const wantedIds = new Set(wanted.map((label) => label.id));
  addIssueLabels(
    change,
    wanted.filter((label) => !change.issue.labelIds.includes(label.id)),
  );
  for (const label of current.filter((label) => !wantedIds.has(label.id))) detach(change, label);
}

export function removeIssueLabel(change: LabelChange, label: LabelRecord): void {
  detach(change, label);
}

export function clearIssueLabels(change: LabelChange): void {
  for (const id of [...change.issue.labelIds]) {
    const label = change.state.label(id);
    if (label) detach(change, label);
  }
}
