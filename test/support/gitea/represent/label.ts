import type { ApiLabel } from '../api-types.js';
import type { LabelRecord } from '../records.js';
import type { RepresentContext } from './context.js';
import { repoApiUrl } from './repository.js';

export function toApiLabel(label: LabelRecord, context: RepresentContext): ApiLabel {
  const repo = context.state.repoById(label.repoId);
  return {
    id: label.id,
    name: label.name,
    exclusive: label.exclusive,
    is_archived: label.isArchived,
    color: label.color.replace(/^#/, ''),
    description: label.description,
    url: `${repoApiUrl(repo, context)}/labels/${label.id}`,
  };
}

export function byLabelName(a: LabelRecord, b: LabelRecord): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}
