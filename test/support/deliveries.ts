import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApiComment, ApiIssue, ApiLabel, ApiRepository, ApiUser } from './gitea/api-types.js';
import { type DeepPartial, deepMerge } from './gitea/deep-merge.js';
import { goIndentedJson } from './gitea/go-json.js';
import { followCommentIssue, followIssueNumber, followLogin } from './gitea/payload-consistency.js';

export interface Changes {
  title?: { from: string };
  body?: { from: string };
  ref?: { from: string };
}

export interface IssuePayload {
  action: string;
  number: number;
  changes?: Changes;
  issue: ApiIssue;
  repository: ApiRepository;
  sender: ApiUser;
  commit_id: string;
}

export interface IssueCommentPayload {
  action: 'created' | 'edited' | 'deleted';
  issue: ApiIssue;
  comment: ApiComment;
  changes?: Changes;
  repository: ApiRepository;
  sender: ApiUser;
  is_pull: boolean;
}

export type DeliveryPayload = IssuePayload | IssueCommentPayload;

export interface DeliveryFixture {
  file: string;
  event: 'issues' | 'issue_comment';
  eventType: 'issues' | 'issue_label' | 'issue_assign' | 'issue_comment' | 'pull_request_comment';
}

export const DELIVERY_FIXTURES: DeliveryFixture[] = [
  { file: 'issues-opened.json', event: 'issues', eventType: 'issues' },
  { file: 'issues-edited.json', event: 'issues', eventType: 'issues' },
  { file: 'issues-closed.json', event: 'issues', eventType: 'issues' },
  { file: 'issues-reopened.json', event: 'issues', eventType: 'issues' },
  { file: 'issue-label-updated.json', event: 'issues', eventType: 'issue_label' },
  { file: 'issue-label-cleared.json', event: 'issues', eventType: 'issue_label' },
  { file: 'issue-assign-assigned.json', event: 'issues', eventType: 'issue_assign' },
  { file: 'issue-comment-created.json', event: 'issue_comment', eventType: 'issue_comment' },
  { file: 'issue-comment-edited.json', event: 'issue_comment', eventType: 'issue_comment' },
  { file: 'issue-comment-deleted.json', event: 'issue_comment', eventType: 'issue_comment' },
  { file: 'pull-request-comment-created.json', event: 'issue_comment', eventType: 'pull_request_comment' },
];

const FIXTURES_DIR = new URL('../fixtures/deliveries/', import.meta.url);

export function loadDelivery<T extends DeliveryPayload = DeliveryPayload>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, FIXTURES_DIR), 'utf8')) as T;
}

const ISSUE_FIXTURE_BY_ACTION = {
  opened: 'issues-opened.json',
  edited: 'issues-edited.json',
  closed: 'issues-closed.json',
  reopened: 'issues-reopened.json',
  assigned: 'issue-assign-assigned.json',
  unassigned: 'issue-assign-assigned.json',
  label_updated: 'issue-label-updated.json',
  label_cleared: 'issue-label-cleared.json',
} as const;

export type IssueAction = keyof typeof ISSUE_FIXTURE_BY_ACTION;

function withUsersFollowingLogins<T extends DeliveryPayload>(before: T, after: T): T {
  const issue = followIssueNumber(before.issue, {
    ...after.issue,
    user: followLogin(before.issue.user, after.issue.user),
  });
  const payload = { ...after, issue, sender: followLogin(before.sender, after.sender) };
  if ('comment' in before && 'comment' in payload) {
    const comment = { ...payload.comment, user: followLogin(before.comment.user, payload.comment.user) };
    payload.comment = followCommentIssue(before.issue, issue, before.comment, comment);
  }
  return payload;
}

function build<T extends DeliveryPayload>(fixture: T, overrides: DeepPartial<T> | undefined): T {
  const merged = withUsersFollowingLogins(fixture, deepMerge(fixture, overrides));
  if ('number' in merged && typeof merged.number === 'number') {
    const touchedNumber = (overrides as { number?: number } | undefined)?.number !== undefined;
    if (!touchedNumber) merged.number = merged.issue.number;
  }
  return merged;
}

/** An `issues` delivery (`X-Gitea-Event: issues`) for `action`, from the matching fixture. */
export function issuePayload(action: IssueAction, overrides?: DeepPartial<IssuePayload>): IssuePayload {
  const fixture = loadDelivery<IssuePayload>(ISSUE_FIXTURE_BY_ACTION[action]);
  if (action === 'unassigned') Object.assign(fixture.issue, { assignee: null, assignees: null });
  return build<IssuePayload>({ ...fixture, action }, overrides);
}

/** A repo label as Gitea puts it in payloads; unknown names get a stable made-up id. */
export function label(name: string, fields: Partial<ApiLabel> = {}): ApiLabel {
  const known = loadDelivery<IssuePayload>('issue-label-updated.json').issue.labels.find(
    (l) => l.name === name,
  );
  const id =
    known?.id ??
    200 + ([...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 100_000, 7) % 9000);
  return {
    id,
    name,
    exclusive: known?.exclusive ?? name.includes('/'),
    is_archived: false,
    color: known?.color ?? 'ededed',
    description: known?.description ?? '',
    url: `http://gitea.test/api/v1/repos/fleet/program/labels/${id}`,
    ...fields,
  };
}

/** An `issue_label` delivery (`label_updated`): `labels` are all the issue's labels after the change. */
export function issueLabelPayload(
  labels: Array<string | ApiLabel>,
  overrides?: DeepPartial<IssuePayload>,
): IssuePayload {
  const issueLabels = labels.map((entry) => (typeof entry === 'string' ? label(entry) : entry));
  const fixture = loadDelivery<IssuePayload>('issue-label-updated.json');
  return build({ ...fixture, issue: { ...fixture.issue, labels: issueLabels } }, overrides);
}

const COMMENT_FIXTURE_BY_ACTION = {
  created: 'issue-comment-created.json',
  edited: 'issue-comment-edited.json',
  deleted: 'issue-comment-deleted.json',
} as const;

/** An `issue_comment` delivery whose comment says `body`. */
export function commentPayload(
  action: IssueCommentPayload['action'],
  body: string,
  overrides?: DeepPartial<IssueCommentPayload>,
): IssueCommentPayload {
  const fixture = loadDelivery<IssueCommentPayload>(COMMENT_FIXTURE_BY_ACTION[action]);
  return build({ ...fixture, comment: { ...fixture.comment, body } }, overrides);
}

/** The event headers Gitea sends with a payload (modules/webhook/type.go; services/webhook/notifier.go:
 * a push to a pull request is `pull_request_sync` / `synchronized`, under the coarse `pull_request`). */
export function deliveryEvent(payload: DeliveryPayload): { event: string; eventType: string } {
  if ('pull_request' in payload && !('comment' in payload)) {
    const action = (payload as { action?: string }).action;
    return {
      event: 'pull_request',
      eventType: action === 'synchronized' ? 'pull_request_sync' : 'pull_request',
    };
  }
  if ('comment' in payload) {
    return { event: 'issue_comment', eventType: payload.is_pull ? 'pull_request_comment' : 'issue_comment' };
  }
  if (payload.action === 'label_updated' || payload.action === 'label_cleared') {
    return { event: 'issues', eventType: 'issue_label' };
  }
  if (payload.action === 'assigned' || payload.action === 'unassigned') {
    return { event: 'issues', eventType: 'issue_assign' };
  }
  return { event: 'issues', eventType: 'issues' };
}

export interface SignedDelivery {
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryOptions {
  event?: string;
  eventType?: string;
  deliveryId?: string;
  /** The webhook's optional "Authorization header" setting. */
  authorization?: string;
  /** Send the payload exactly as given (test/support/bot.ts otherwise makes a comment's issue the emulator's). */
  asSent?: boolean;
}

function hmacHex(algorithm: 'sha1' | 'sha256', secret: string, body: string): string {
  return secret === '' ? '' : createHmac(algorithm, secret).update(body).digest('hex');
}

/** The request Gitea's webhook sender makes (services/webhook/deliver.go): the body is the
 * payload as Go's MarshalIndent writes it, and every header it sets. An empty secret gives
 * Gitea's empty signatures. Event and event type default to what Gitea uses for the payload. */
export function signDelivery(
  payload: unknown,
  secret: string,
  options: DeliveryOptions = {},
): SignedDelivery {
  const inferred = deliveryEvent(payload as DeliveryPayload);
  const event = options.event ?? inferred.event;
  const eventType = options.eventType ?? inferred.eventType;
  const deliveryId = options.deliveryId ?? randomUUID();
  const body = goIndentedJson(payload);
  const sha256 = hmacHex('sha256', secret, body);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      ...(options.authorization ? { Authorization: options.authorization } : {}),
      'X-Gitea-Delivery': deliveryId,
      'X-Gitea-Event': event,
      'X-Gitea-Event-Type': eventType,
      'X-Gitea-Signature': sha256,
      'X-Gogs-Delivery': deliveryId,
      'X-Gogs-Event': event,
      'X-Gogs-Event-Type': eventType,
      'X-Gogs-Signature': sha256,
      'X-Hub-Signature': `sha1=${hmacHex('sha1', secret, body)}`,
      'X-Hub-Signature-256': `sha256=${sha256}`,
      'X-GitHub-Delivery': deliveryId,
      'X-GitHub-Event': event,
      'X-GitHub-Event-Type': eventType,
    },
  };
}
