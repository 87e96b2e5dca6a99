import { createHash } from 'node:crypto';
import type { ApiComment, ApiIssue, ApiUser } from './api-types.js';

/** User ids of the accounts in the delivery fixtures; other logins get a stable made-up id. */
const KNOWN_USER_IDS: Record<string, number> = { fleet: 2, maint: 3, 'operator-bot': 4, alice: 7 };

export function userIdFor(login: string): number {
  const known = KNOWN_USER_IDS[login.toLowerCase()];
  if (known !== undefined) return known;
  return 100 + (createHash('sha1').update(login.toLowerCase()).digest().readUInt16BE(0) % 9000);
}

/** Re-derives the fields of a user that follow from its login, after `before` was overridden. */
export function followLogin(before: ApiUser, after: ApiUser): ApiUser {
  if (before.login === after.login) return after;
  const appUrl = after.html_url.slice(0, after.html_url.length - before.login.length);
  const derived = { ...after };
  if (after.id === before.id) derived.id = userIdFor(after.login);
  if (after.username === before.username) derived.username = after.login;
  if (after.html_url === before.html_url) derived.html_url = `${appUrl}${after.login}`;
  if (after.email === before.email) derived.email = after.email.replace(/^[^@]*/, after.login.toLowerCase());
  if (after.avatar_url === before.avatar_url) {
    derived.avatar_url = after.avatar_url.replace(
      /[0-9a-f]{32}$/,
      createHash('md5').update(after.login.toLowerCase()).digest('hex'),
    );
  }
  return derived;
}

function swapIssueNumber(url: string, from: number, to: number): string {
  return url.replace(new RegExp(`/${from}(?=$|#)`), `/${to}`);
}

/** Re-derives the URLs of an issue after its number was overridden. */
export function followIssueNumber(before: ApiIssue, after: ApiIssue): ApiIssue {
  if (before.number === after.number) return after;
  const swap = (url: string) => swapIssueNumber(url, before.number, after.number);
  return {
    ...after,
    url: after.url === before.url ? swap(after.url) : after.url,
    html_url: after.html_url === before.html_url ? swap(after.html_url) : after.html_url,
  };
}

/** Re-derives the URLs of a comment after its issue's number was overridden. */
export function followCommentIssue(
  issueBefore: ApiIssue,
  issueAfter: ApiIssue,
  before: ApiComment,
  after: ApiComment,
) {
  if (issueBefore.number === issueAfter.number) return after;
  const follow = (key: 'html_url' | 'issue_url' | 'pull_request_url') =>
    after[key] === before[key]
      ? swapIssueNumber(after[key], issueBefore.number, issueAfter.number)
      : after[key];
  return {
    ...after,
    html_url: follow('html_url'),
    issue_url: follow('issue_url'),
    pull_request_url: follow('pull_request_url'),
  };
}
