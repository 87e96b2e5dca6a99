import type { BotEvent } from '../gitea/event.js';

/**
 * The intake stream entry of one accepted event: `job` (its job id), `shell` (the event as JSON
 * without the issue's and the comment's text) and those two texts as fields of their own,
 * `issue-body` and `comment-body`. A delivery's text is most of its bytes, and JSON.stringify of a
 * text with line breaks costs the intake ~8 µs per 4 kB (escaping); a field of its own is written
 * as it is. Entries written before this split (`event`: the whole event) are read as they are.
 * The shell has a field name of its own so that a mover older than this split drops it, saying
 * so, instead of acting on an issue or a comment whose text it does not see (upgrade workers first).
 */
export const ENTRY_VALUES_PER_EVENT = 4;

/** [job id, event JSON without the texts, issue body, comment body] of one event (see above). */
export function entryValues(jobId: string, event: BotEvent): [string, string, string, string] {
  const { issue, comment } = event;
  const shell: BotEvent = {
    ...event,
    issue: { ...issue, body: '' },
    ...(comment ? { comment: { ...comment, body: '' } } : {}),
  };
  return [jobId, JSON.stringify(shell), issue.body, comment?.body ?? ''];
}

/**
 * The event of an entry's fields (`[name, value, name, value…]` as XREADGROUP returns them), its
 * texts put back; undefined when the entry holds no JSON event. Not validated: the caller parses it.
 */
export function entryEvent(fields: readonly string[]): { job?: string; event: unknown } {
  const job = field(fields, 'job');
  const shellJson = field(fields, 'shell');
  let event: unknown;
  try {
    event = JSON.parse(shellJson ?? field(fields, 'event') ?? '');
  } catch {
    return { job, event: undefined };
  }
  if (shellJson === undefined) return { job, event };
  const issueBody = field(fields, 'issue-body');
  const commentBody = field(fields, 'comment-body');
  const shell = event as { issue?: { body?: unknown }; comment?: { body?: unknown } } | null;
  if (issueBody !== undefined && shell?.issue && typeof shell.issue === 'object')
    shell.issue.body = issueBody;
  if (commentBody !== undefined && shell?.comment && typeof shell.comment === 'object')
    shell.comment.body = commentBody;
  return { job, event };
}

function field(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
