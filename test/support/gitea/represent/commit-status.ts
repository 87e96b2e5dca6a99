import type { ApiCommitStatus } from '../api-types.js';
import type { CommitStatusRecord } from '../records.js';
import type { RepresentContext } from './context.js';
import { repoApiUrl } from './repository.js';
import { toApiUserByLogin } from './user.js';

export function toApiCommitStatus(status: CommitStatusRecord, context: RepresentContext): ApiCommitStatus {
  const repo = context.state.repoById(status.repoId);
  return {
    id: status.id,
    status: status.state,
    target_url: status.targetUrl,
    description: status.description,
    url: `${repoApiUrl(repo, context)}/statuses/${status.sha}`,
    context: status.context,
    creator: toApiUserByLogin(status.creator, context, 'public'),
    created_at: status.created,
    updated_at: status.created,
  };
}
