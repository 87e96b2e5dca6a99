import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { toIso } from '../domain/time/instant.js';
import { editedAfterWriting } from './edited-at.js';
import { type BotEvent, botEventSchema, CATCH_UP_DELIVERY_ID } from './event.js';
import {
  ASSIGN_ACTIONS,
  COMMENT_ACTIONS,
  type GiteaIssue,
  ISSUE_ACTIONS,
  issueAssignPayloadSchema,
  issueCommentPayloadSchema,
  issueLabelPayloadSchema,
  issuesPayloadSchema,
  LABEL_ACTIONS,
  PULL_ACTIONS,
  pullRequestPayloadSchema,
} from './payloads.js';

/** Actions the bot acts on, per event type; others (a new Gitea action, a closed PR…) are answered 204. */
const HANDLED_ACTIONS: Record<string, readonly string[]> = {
  issues: ISSUE_ACTIONS,
  issue_label: LABEL_ACTIONS,
  issue_assign: ASSIGN_ACTIONS,
  issue_comment: COMMENT_ACTIONS,
  pull_request_comment: COMMENT_ACTIONS,
  pull_request: PULL_ACTIONS,
  // New commits on a pull request come as their own event type (Gitea's "Pull Request Synchronized" box).
  pull_request_sync: PULL_ACTIONS,
};

export type Normalized =
  | { outcome: 'event'; event: BotEvent; dedupeKey: string }
  | { outcome: 'unsupported'; reason: string }
  | { outcome: 'invalid'; reason: string };

const ISSUE_KIND = {
  opened: 'issue.opened',
  edited: 'issue.edited',
  closed: 'issue.closed',
  reopened: 'issue.reopened',
} as const;

const COMMENT_KIND = {
  created: 'comment.created',
  edited: 'comment.edited',
  deleted: 'comment.deleted',
} as const;

/**
 * `X-Gitea-Event-Type` + parsed JSON body → the internal event and the key that identifies its content.
 * `light` (the intake): the event is built from the payload without the zod parse, checking only
 * the types of the event's fields; the worker parses the event in full (botEventSchema) before
 * acting. A payload that does not build falls back to the zod parse, whose message names the field.
 */
export function normalizeDelivery(
  eventType: string,
  payload: unknown,
  deliveryId?: string,
  mode: 'full' | 'light' = 'full',
): Normalized {
  const action = (payload as { action?: unknown } | null)?.action;
  const handled = HANDLED_ACTIONS[eventType];
  if (handled && typeof action === 'string' && !handled.includes(action)) {
    return { outcome: 'unsupported', reason: `${eventType} "${action}" is not acted on` };
  }
  switch (eventType) {
    case 'issues':
      return withSchema(mode, issuesPayloadSchema, payload, (p) => {
        const event = issueEvent(ISSUE_KIND[p.action], p.issue, p.repository.full_name, p.sender, deliveryId);
        return { event, dedupeKey: issueContentKey(p.action, p.issue) };
      });
    case 'issue_label':
      return withSchema(mode, issueLabelPayloadSchema, payload, (p) => {
        const event = issueEvent('issue.labeled', p.issue, p.repository.full_name, p.sender, deliveryId);
        const labels = [...event.issue.labels].sort().join(',');
        return { event, dedupeKey: `issue/${p.issue.id}/${p.action}/${p.issue.updated_at}/${labels}` };
      });
    case 'issue_assign':
      return withSchema(mode, issueAssignPayloadSchema, payload, (p) => {
        const event = issueEvent('issue.assigned', p.issue, p.repository.full_name, p.sender, deliveryId);
        const assignees = [...event.issue.assignees].sort().join(',');
        return { event, dedupeKey: `issue/${p.issue.id}/${p.action}/${p.issue.updated_at}/${assignees}` };
      });
    case 'issue_comment':
    case 'pull_request_comment':
      return withSchema(mode, issueCommentPayloadSchema, payload, (p) => {
        const base = issueEvent(
          COMMENT_KIND[p.action],
          p.issue,
          p.repository.full_name,
          p.sender,
          deliveryId,
        );
        const at = p.action === 'created' ? p.comment.created_at : p.comment.updated_at;
        const admin = p.repository.permissions?.admin;
        const fromGitea = deliveryId !== undefined && deliveryId !== CATCH_UP_DELIVERY_ID;
        const event: BotEvent = {
          ...base,
          at: toIso(at),
          comment: {
            id: p.comment.id,
            body: p.comment.body,
            createdAt: toIso(p.comment.created_at),
            // A webhook's `created` payload is built as the comment is saved: never edited. The catch-up's
            // comments are read from Gitea's lists, as they are now.
            ...(p.action === 'created' ? editedAfterWriting(p.comment.created_at, p.comment.updated_at) : {}),
          },
          ...(fromGitea && p.action !== 'deleted'
            ? { asOfComment: typeof admin === 'boolean' ? { actorAdmin: admin } : {} }
            : {}),
        };
        const version = p.action === 'edited' ? `/${p.comment.updated_at}` : '';
        return { event, dedupeKey: `comment/${p.comment.id}/${p.action}${version}` };
      });
    // A push to a pull request's branch: `pull_request_sync`, action `synchronized`
    // (services/webhook/notifier.go PullRequestSynchronized, modules/webhook/type.go).
    case 'pull_request':
    case 'pull_request_sync':
      return withSchema(mode, pullRequestPayloadSchema, payload, (p) => {
        const pull = p.pull_request;
        const event: BotEvent = {
          kind: 'pull.updated',
          repo: p.repository.full_name,
          issue: {
            number: pull.number,
            id: pull.id,
            title: pull.title,
            body: pull.body ?? '',
            author: pull.user.login,
            authorId: pull.user.id,
            state: pull.state,
            labels: [],
            assignees: [],
            createdAt: toIso(pull.created_at),
            isPull: true,
            ...(pull.html_url ? { url: pull.html_url } : {}),
          },
          actor: p.sender.login,
          actorId: p.sender.id,
          at: toIso(pull.updated_at),
          pull: { headSha: pull.head.sha },
          ...(deliveryId ? { deliveryId } : {}),
        };
        return { event, dedupeKey: `pull/${pull.id}/${p.action}/${pull.head.sha}/${pull.updated_at}` };
      });
    default:
      return { outcome: 'unsupported', reason: `event type "${eventType}" is not handled` };
  }
}

function withSchema<S extends z.ZodType>(
  mode: 'full' | 'light',
  schema: S,
  payload: unknown,
  build: (parsed: z.output<S>) => { event: BotEvent; dedupeKey: string },
): Normalized {
  if (mode === 'light') {
    try {
      const built = build(payload as z.output<S>);
      if (isWellTypedEvent(built.event) && typeof built.dedupeKey === 'string')
        return { outcome: 'event', ...built };
    } catch {
      // A missing object or a bad date: the zod parse below says which field.
    }
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    return { outcome: 'invalid', reason: first };
  }
  return { outcome: 'event', ...build(parsed.data) };
}

function issueEvent(
  kind: BotEvent['kind'],
  issue: GiteaIssue,
  repo: string,
  sender: { id: number; login: string },
  deliveryId: string | undefined,
): BotEvent {
  return {
    kind,
    repo,
    issue: {
      number: issue.number,
      id: issue.id,
      title: issue.title,
      // (null in Gitea's JSON when empty; the zod parse maps them too, the light path needs them here)
      body: issue.body ?? '',
      author: issue.user.login,
      authorId: issue.user.id,
      state: issue.state,
      labels: (issue.labels ?? []).map((label) => label.name),
      assignees: (issue.assignees ?? []).map((user) => user.login),
      createdAt: toIso(issue.created_at),
      isPull: issue.pull_request != null,
      ...(issue.html_url ? { url: issue.html_url } : {}),
    },
    actor: sender.login,
    actorId: sender.id,
    at: toIso(issue.updated_at),
    ...(deliveryId ? { deliveryId } : {}),
  };
}

/**
 * What an `issues` delivery is about, so that a redelivery, a Replay and its catch-up twin share
 * one key: an issue opens once; an edit is its new title and body (Gitea sends two `edited`
 * deliveries in the same `updated_at` second when one call changes both, the first with the old
 * body — keyed by the second, the second one was dropped); a close is its `closed_at`.
 */
export function issueContentKey(action: (typeof ISSUE_ACTIONS)[number], issue: GiteaIssue): string {
  switch (action) {
    case 'opened':
      return `issue/${issue.id}/opened`;
    case 'edited':
      return `issue/${issue.id}/edited/${contentDigest(issue)}`;
    case 'closed':
      return `issue/${issue.id}/closed/${issue.closed_at ?? issue.updated_at}`;
    case 'reopened':
      return `issue/${issue.id}/reopened/${issue.updated_at}`;
  }
}

/** What a person wrote in an issue (title and body), as a short hash. */
export const contentDigest = (issue: { title: string; body: string }) =>
  createHash('sha256').update(`${issue.title}\u0000${issue.body}`).digest('hex').slice(0, 32);

/** A BullMQ-safe job id (no `:`, not an integer) derived from the content key. */
export const jobIdFor = (dedupeKey: string) => `ev-${createHash('sha1').update(dedupeKey).digest('hex')}`;

const KINDS = new Set<string>(botEventSchema.shape.kind.options);
const isInt = (value: unknown) => Number.isSafeInteger(value);
const isString = (value: unknown) => typeof value === 'string';
const areStrings = (value: unknown) => Array.isArray(value) && value.every(isString);

/** The types botEventSchema demands, checked by hand (the intake's cheap guard; the worker runs the schema). */
function isWellTypedEvent(event: BotEvent): boolean {
  const { issue, comment } = event;
  return (
    KINDS.has(event.kind) &&
    isString(event.repo) &&
    event.repo.includes('/') &&
    typeof event.actor === 'string' &&
    event.actor !== '' &&
    (event.actorId === undefined || isInt(event.actorId)) &&
    isInt(issue.number) &&
    issue.number > 0 &&
    isInt(issue.id) &&
    isString(issue.title) &&
    isString(issue.body) &&
    isString(issue.author) &&
    (issue.authorId === undefined || isInt(issue.authorId)) &&
    (issue.state === 'open' || issue.state === 'closed') &&
    areStrings(issue.labels) &&
    areStrings(issue.assignees) &&
    (issue.url === undefined || isString(issue.url)) &&
    (comment === undefined || (isInt(comment.id) && isString(comment.body))) &&
    (event.pull === undefined || isString(event.pull.headSha)) &&
    (event.asOfComment?.actorAdmin === undefined || typeof event.asOfComment.actorAdmin === 'boolean')
  );
}
