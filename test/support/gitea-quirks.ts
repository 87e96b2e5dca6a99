import {
  type IssuePayload,
  issueLabelPayload,
  issuePayload,
  type SignedDelivery,
  signDelivery,
} from './deliveries.js';
import type { ApiIssue } from './gitea/api-types.js';
import { goIndentedJson } from './gitea/go-json.js';

/**
 * Deliveries as Gitea sends them in the cases where a payload does not tell the whole truth.
 * Each names the Gitea behaviour it copies.
 */

/**
 * An API client edits title and body in one `PATCH /repos/{o}/{r}/issues/{n}`: routers/api/v1/
 * repo/issue.go EditIssue calls issue_service.ChangeTitle, then ChangeContent, and each notifies
 * (services/webhook/notifier.go IssueChangeTitle, IssueChangeContent): two `edited` deliveries
 * with the same `updated_at` second, the first still holding the old body.
 */
export function titleAndBodyEdited(
  before: ApiIssue,
  after: { title: string; body: string },
  updatedAt: string,
  sender: string,
): [IssuePayload, IssuePayload] {
  const issue = (title: string, body: string) => ({
    number: before.number,
    id: before.id,
    title,
    body,
    user: { login: before.user.login },
    labels: before.labels,
    created_at: before.created_at,
    updated_at: updatedAt,
  });
  return [
    issuePayload('edited', {
      number: before.number,
      changes: { title: { from: before.title } },
      issue: issue(after.title, before.body),
      sender: { login: sender },
    }),
    issuePayload('edited', {
      number: before.number,
      changes: { body: { from: before.body } },
      issue: issue(after.title, after.body),
      sender: { login: sender },
    }),
  ];
}

/**
 * A label removed in the web UI on Gitea 1.23.x: `issue_label` / `label_updated` with
 * `"labels": []` whatever labels are left (go-gitea/gitea#34560, fixed in later releases).
 */
export function labelRemovedInUi123(issue: ApiIssue, sender: string): IssuePayload {
  return issuePayload('label_updated', {
    number: issue.number,
    issue: {
      number: issue.number,
      id: issue.id,
      title: issue.title,
      body: issue.body,
      user: { login: issue.user.login },
      labels: [],
      created_at: issue.created_at,
      updated_at: issue.updated_at,
    },
    sender: { login: sender },
  });
}

/**
 * Labels ticked one after the other in the web UI's label menu: one `label_updated` delivery per
 * toggled label (go-gitea/gitea#28924), each listing the labels after that toggle only — by the
 * time the first is handled, the issue already has them all.
 */
export function labelsToggledInUi(issue: ApiIssue, added: string[], sender: string): IssuePayload[] {
  const before = issue.labels.filter((l) => !added.includes(l.name)).map((l) => l.name);
  return added.map((_, i) =>
    issueLabelPayload([...before, ...added.slice(0, i + 1)], {
      number: issue.number,
      issue: {
        number: issue.number,
        id: issue.id,
        title: issue.title,
        body: issue.body,
        user: { login: issue.user.login },
        created_at: issue.created_at,
        updated_at: issue.updated_at,
      },
      sender: { login: sender },
    }),
  );
}

/**
 * A webhook whose "POST Content Type" is `application/x-www-form-urlencoded`: services/webhook/
 * deliver.go sends `payload=<urlencoded JSON>` but signs the JSON itself.
 */
export function formEncoded(payload: unknown, secret: string): SignedDelivery {
  const signed = signDelivery(payload, secret);
  const json = goIndentedJson(payload);
  return {
    body: new URLSearchParams({ payload: json }).toString(),
    headers: { ...signed.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
  };
}
