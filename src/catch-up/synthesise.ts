import type { Comment, Issue } from '../gitea/client.js';
import { contentDigest } from '../gitea/normalize.js';

/** A delivery as Gitea would have sent it: its `X-Gitea-Event-Type` and JSON payload. */
export type SynthesisedDelivery = { eventType: string; payload: Record<string, unknown> };

/**
 * The webhook payload's `repository` from an API issue's `repository` (RepositoryMeta: the owner
 * is a name there, a user in payloads; the intake reads only the owner's login).
 */
function repositoryOf(issue: Issue, fullName: string) {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id: issue.repository?.id ?? 0,
    name: issue.repository?.name ?? name,
    full_name: issue.repository?.full_name ?? fullName,
    owner: { id: 0, login: issue.repository?.owner ?? owner },
  };
}

const seconds = (time: string | undefined) => Math.floor(Date.parse(time ?? '') / 1000);

/**
 * The `issues` deliveries an issue changed at or after `since` stands for (Gitea's API issue and
 * its webhook `issue` are the same struct): `opened` when it was created in the window;
 * `edited` when its title and body differ from those of the last delivery admitted for it
 * (`lastContent`, a contentDigest: the bot's own label or comment moved `updated_at`; the edit key
 * is the content too, so an edit the webhook brought is not redone) — unless it opened in the
 * window and was never admitted, its opening then carrying the current text; and
 * `closed` when it was closed in the window. The sender is the author: the API does not say who
 * edited or closed (the worker reads the issue itself before deciding).
 */
export function issueDeliveries(
  repo: string,
  issue: Issue,
  since: string,
  lastContent?: string,
): SynthesisedDelivery[] {
  const base = {
    number: issue.number,
    issue,
    repository: repositoryOf(issue, repo),
    sender: issue.user,
  };
  const opened = seconds(issue.created_at) >= seconds(since);
  const changed = lastContent !== contentDigest({ title: issue.title ?? '', body: issue.body ?? '' });
  // Opened in the window and never admitted: its opening, read now, carries the current text.
  const edited = changed && !(opened && lastContent === undefined);
  const deliveries: SynthesisedDelivery[] = [];
  if (opened) deliveries.push({ eventType: 'issues', payload: { action: 'opened', ...base } });
  if (edited) deliveries.push({ eventType: 'issues', payload: { action: 'edited', ...base } });
  if (issue.state === 'closed' && seconds(issue.closed_at ?? undefined) >= seconds(since)) {
    deliveries.push({ eventType: 'issues', payload: { action: 'closed', ...base } });
  }
  return deliveries;
}

/** The issue number a comment belongs to, from its `issue_url` or `pull_request_url`. */
export function commentIssueNumber(comment: Comment): number | undefined {
  const url = comment.issue_url || comment.pull_request_url || '';
  const number = Number(/\/(\d+)\/?$/.exec(url)?.[1]);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * The `issue_comment` (or `pull_request_comment`) `created` delivery of a comment created at or
 * after `since`; none for one only edited in the window (the bot acts on new comments only).
 */
export function commentDelivery(
  repo: string,
  issue: Issue,
  comment: Comment,
  since: string,
): SynthesisedDelivery | undefined {
  if (seconds(comment.created_at) < seconds(since)) return undefined;
  const isPull = issue.pull_request != null;
  return {
    eventType: isPull ? 'pull_request_comment' : 'issue_comment',
    payload: {
      action: 'created',
      issue,
      comment,
      repository: repositoryOf(issue, repo),
      sender: comment.user,
      is_pull: isPull,
    },
  };
}
