import { PROGRAM_REPO } from './bot.js';
import { type IssuePayload, issuePayload, label } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';
import { completeForm } from './workflows.js';

/**
 * An issue someone opens in the program repo with one label: added to the emulated Gitea (the
 * worker reads it back from there) and returned as its `issues` `opened` delivery.
 */
export function openedIssue(
  gitea: FakeGitea,
  issue: {
    number: number;
    title: string;
    body: string;
    label: string;
    by: { login: string; id?: number };
    at: string;
  },
): IssuePayload {
  gitea.addIssue(PROGRAM_REPO, {
    number: issue.number,
    title: issue.title,
    user: issue.by.login,
    labels: [issue.label],
  });
  return issuePayload('opened', {
    number: issue.number,
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      labels: [label(issue.label)],
      user: issue.by,
      created_at: issue.at,
      updated_at: issue.at,
    },
    sender: issue.by,
  });
}

/**
 * Application #7 by alice, a complete form with its `operator-application` label, added to the
 * emulated Gitea: the issue `applicationLabeled` (support/workflows.ts) delivers.
 */
export function addApplicationIssue(gitea: FakeGitea, title = 'Operator application: alice') {
  return gitea.addIssue(PROGRAM_REPO, {
    number: 7,
    title,
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });
}
