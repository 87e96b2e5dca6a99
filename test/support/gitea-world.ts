import { PROGRAM_REPO } from './bot.js';
import type { testCore } from './core.js';
import { commentPayload, issuePayload, label } from './deliveries.js';
import type { ApiIssue, FakeGitea } from './gitea/index.js';

/**
 * People act in Gitea (the emulator keeps the history, at the time `at` sets) and the bot gets
 * the matching delivery: what `rebuild` later reads back from Gitea is what the live bot saw.
 */
export function giteaWorld(
  core: ReturnType<typeof testCore>,
  gitea: () => FakeGitea,
  at: (iso: string) => void,
) {
  const delivered = (issue: ApiIssue) => ({
    number: issue.number,
    labels: issue.labels.map((l) => label(l.name)),
    user: { login: issue.user.login },
    body: issue.body,
    title: issue.title,
  });
  /** `login` comments `body` on issue `number` at `when`, its delivery not handled yet (a worker busy elsewhere); the comment's id. */
  function write(login: string, number: number, body: string, when: string): number {
    at(when);
    return gitea().addComment(PROGRAM_REPO, number, { user: login, body }).id;
  }
  /** The bot handles the delivery of comment `id` of issue `number`, with the issue as Gitea has it now. */
  async function deliver(number: number, id: number): Promise<void> {
    const comment = gitea()
      .comments(PROGRAM_REPO, number)
      .find((c) => c.id === id);
    const issue = gitea().issue(PROGRAM_REPO, number) as ApiIssue;
    if (!comment) throw new Error(`no comment ${id} in #${number}`);
    const login = comment.user.login;
    await core.handle(
      commentPayload('created', comment.body, {
        issue: delivered(issue),
        comment: { id, user: { login }, created_at: comment.created_at, updated_at: comment.updated_at },
        sender: { login },
      }),
    );
  }
  return {
    /** `login` opens an issue with `labels` at `when`; its number. */
    async open(login: string, title: string, body: string, labels: string[], when: string): Promise<number> {
      at(when);
      const issue = gitea().addIssue(PROGRAM_REPO, { title, body, user: login, labels });
      await core.handle(
        issuePayload('opened', {
          number: issue.number,
          issue: { ...delivered(issue), created_at: issue.created_at, updated_at: issue.updated_at },
          sender: { login },
        }),
      );
      return issue.number;
    },
    /** `login` comments `body` on issue `number` at `when`; the comment's id. */
    async say(login: string, number: number, body: string, when: string): Promise<number> {
      const id = write(login, number, body, when);
      await deliver(number, id);
      return id;
    },
    write,
    deliver,
    /**
     * `login` (an account with password `pw`) closes or reopens issue `number` at `when` through
     * Gitea's API, and the bot gets the delivery; Gitea's answer status (201, or 403 when refused).
     */
    async setState(login: string, number: number, state: 'closed' | 'open', when: string): Promise<number> {
      at(when);
      const status = await changeIssueState(gitea(), login, number, state);
      const issue = gitea().issue(PROGRAM_REPO, number) as ApiIssue;
      await core.handle(
        issuePayload(state === 'closed' ? 'closed' : 'reopened', {
          number,
          issue: { ...delivered(issue), state, created_at: issue.created_at, updated_at: issue.updated_at },
          sender: { login },
        }),
      );
      return status;
    },
  };
}

/** `login` (an account with password `pw`) closes or reopens issue `number` through Gitea's API, as a person; the answer's status. */
export async function changeIssueState(
  gitea: FakeGitea,
  login: string,
  number: number,
  state: 'closed' | 'open',
): Promise<number> {
  const response = await fetch(`${gitea.baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${number}`, {
    method: 'PATCH',
    headers: {
      authorization: `Basic ${Buffer.from(`${login}:pw`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ state }),
  });
  return response.status;
}
