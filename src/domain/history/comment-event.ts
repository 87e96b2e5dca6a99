/** Where a command comment is: its issue and its id. */
type CommentPlace = { repo: string; issue: { number: number }; comment?: { id: number } };

/**
 * The id of the history event a command comment records (`/nodes`, `/wallet`):
 * `type:owner/repo#issue:commentId`, so that the comment records it once however often its job runs.
 */
export const commentEventId = (type: string, event: CommentPlace): string =>
  `${type}:${event.repo}#${event.issue.number}:${event.comment?.id ?? 0}`;

/**
 * Whether the history event `id` was recorded by the comment of `event` (commentEventId): a job
 * run again after its worker died decides without what its first try recorded, as that try did.
 */
export const recordedByComment = (id: string, event: CommentPlace): boolean =>
  event.comment !== undefined && id.endsWith(`:${event.repo}#${event.issue.number}:${event.comment.id}`);
