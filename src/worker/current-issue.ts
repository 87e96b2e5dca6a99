import { toIso } from '../domain/time/instant.js';
import { type GiteaClient, GiteaError, type RepoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';

/** What Gitea says of an issue now: its fields the workflows read, or `gone` (deleted: HTTP 404). */
export type CurrentIssue =
  | (Pick<BotEvent['issue'], 'title' | 'body' | 'state' | 'labels' | 'assignees' | 'isPull'> &
      Partial<Pick<BotEvent['issue'], 'author' | 'authorId' | 'id' | 'createdAt' | 'url'>>)
  | 'gone';

/**
 * Reads an issue through the API. A delivery is a hint, not the record: Gitea 1.23 sends
 * `"labels": []` when a label is removed in the web UI (go-gitea/gitea#34560), one delivery per
 * toggled label (#28924), and the first of two `edited` deliveries still holds the old body.
 * A deleted issue sends no webhook (#34591): its 404 is `gone`. Other failures throw (the job is retried).
 * A comment's delivery is the exception: Gitea builds it as the comment is saved (handle-event.ts, needsRead).
 */
export function createIssueReader(gitea: Pick<GiteaClient, 'issue'>) {
  return async (repo: RepoRef, number: number): Promise<CurrentIssue> => {
    try {
      const issue = await gitea.issue(repo, number);
      return {
        title: issue.title ?? '',
        body: issue.body ?? '',
        state: issue.state === 'closed' ? 'closed' : 'open',
        labels: (issue.labels ?? []).map((label) => label.name ?? ''),
        assignees: (issue.assignees ?? []).map((user) => user.login ?? ''),
        isPull: issue.pull_request != null,
        // Read too, with the author: a delivery from a repository other than PROGRAM_REPO may name
        // another issue's id or a forged creation time (an alert's deadline, an exit's last day).
        ...(issue.id ? { id: issue.id } : {}),
        ...(issue.created_at ? { createdAt: toIso(issue.created_at) } : {}),
        ...(issue.html_url ? { url: issue.html_url } : {}),
        // A delivery from a repository other than PROGRAM_REPO is signed by a secret its admins
        // can read (src/intake/signature.ts hookSecret), who could name anyone its author.
        ...(issue.user?.login ? { author: issue.user.login } : {}),
        ...(issue.user?.id ? { authorId: issue.user.id } : {}),
      };
    } catch (error) {
      if (error instanceof GiteaError && error.status === 404) return 'gone';
      throw error;
    }
  };
}

export type IssueReader = ReturnType<typeof createIssueReader>;

/**
 * What of `current` replaces a delivery's copy of the issue: everything Gitea said when the
 * delivery is not PROGRAM_REPO's (`trusted` false: its hook secret is readable by admins who are
 * no maintainers, and its creation time sets an alert's deadline and an exit's last day); for
 * PROGRAM_REPO's, only what changes after an issue is opened (its id, creation time, address
 * and kind are taken as delivered).
 */
export function readFields(
  current: Exclude<CurrentIssue, 'gone'>,
  trusted: boolean,
): Partial<BotEvent['issue']> {
  if (!trusted) return current;
  const { id: _id, createdAt: _createdAt, url: _url, isPull: _isPull, ...changing } = current;
  return changing;
}

/**
 * Whether a close or reopen was undone before it was handled: the issue is open again after a
 * close, closed again after a reopen. Gitea sends deliveries from up to 10 workers
 * (modules/setting/queue.go MaxWorkers), so a reopen can be handled before the close it
 * followed; deciding that close would resolve (and close) an alert, or end an exit, that its
 * person had just reopened. What is decided then: src/worker/undone-change.ts.
 */
export function undoneSince(event: Pick<BotEvent, 'kind'>, current: Exclude<CurrentIssue, 'gone'>): boolean {
  return (
    (event.kind === 'issue.closed' && current.state === 'open') ||
    (event.kind === 'issue.reopened' && current.state === 'closed')
  );
}
