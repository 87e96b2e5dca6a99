import { type GiteaClient, GiteaError, type RepoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';

/** What Gitea says of an issue now: its fields the workflows read, or `gone` (deleted: HTTP 404). */
export type CurrentIssue =
  | (Pick<BotEvent['issue'], 'title' | 'body' | 'state' | 'labels' | 'assignees'> &
      Partial<Pick<BotEvent['issue'], 'author' | 'authorId'>>)
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
        // Read too: a delivery from a repository other than PROGRAM_REPO is signed by a secret its
        // admins can read (src/intake/signature.ts hookSecret), who could name anyone its author.
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
