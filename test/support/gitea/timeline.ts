import type { IssueRecord, TimelineRecord } from './records.js';
import type { GiteaState } from './state.js';

export type TimelineEntry = Omit<TimelineRecord, 'id' | 'repoId' | 'issueNumber' | 'created' | 'updated'>;

export function recordTimeline(
  state: GiteaState,
  issue: IssueRecord,
  entry: TimelineEntry,
  at: string,
): TimelineRecord {
  const record: TimelineRecord = {
    id: state.ids.comment.take(),
    repoId: issue.repoId,
    issueNumber: issue.number,
    created: at,
    updated: at,
    ...entry,
  };
  state.timeline.push(record);
  issue.updated = at;
  return record;
}
