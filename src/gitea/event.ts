import { z } from 'zod';

/**
 * The `deliveryId` of an event the catch-up read from Gitea's lists (src/catch-up), not delivered
 * by a webhook: it may be one a bot whose records this Redis does not hold answered already.
 */
export const CATCH_UP_DELIVERY_ID = 'catch-up';

/**
 * The `deliveryId` of an event a webhook delivered, from its `X-Gitea-Delivery` header (Gitea
 * sends a UUID): the header as it is, but `webhook:` and `webhook:catch-up` for an empty one and
 * one naming the catch-up. Gitea signs the body only (services/webhook/deliver.go), so the header
 * is whatever the sender wrote, and an event with CATCH_UP_DELIVERY_ID or no `deliveryId` is taken
 * as read from Gitea rather than delivered (src/worker/confirm-delivery.ts: no check with Gitea).
 */
export const webhookDeliveryId = (header: string): string =>
  header === '' || header === CATCH_UP_DELIVERY_ID ? `webhook:${header}` : header;

/**
 * What an event the bot queues because of `cause` (a timer, a payroll refresh, the opening of a
 * program issue) inherits from it: the catch-up's mark when `cause` came from the catch-up, so that
 * its posts too are first looked for among the comments (the bot before may have made them), else
 * nothing. Spread it into the new event.
 */
export const followUpOf = (cause: { deliveryId?: string | undefined }): { deliveryId?: string } =>
  cause.deliveryId === CATCH_UP_DELIVERY_ID ? { deliveryId: CATCH_UP_DELIVERY_ID } : {};

/** The one internal event every source (webhook, timer, schedule, replay) becomes. */
export const botEventSchema = z.object({
  kind: z.enum([
    'issue.opened',
    'issue.edited',
    'issue.closed',
    'issue.reopened',
    'issue.labeled',
    'issue.assigned',
    'comment.created',
    'comment.edited',
    'comment.deleted',
    'timer.fired',
    'pull.updated',
  ]),
  repo: z.string(),
  issue: z.object({
    number: z.number().int(),
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    author: z.string(),
    /** The author's Gitea user id (absent in events recorded before it was kept, and timers). */
    authorId: z.number().int().optional(),
    state: z.enum(['open', 'closed']),
    labels: z.array(z.string()),
    assignees: z.array(z.string()),
    createdAt: z.string(),
    isPull: z.boolean(),
    url: z.string().optional(),
  }),
  actor: z.string(),
  /** The actor's Gitea user id: who they are (the login is only how they are called now). */
  actorId: z.number().int().optional(),
  /** When it happened in Gitea (or when a timer was due): the time every decision is stamped with. */
  at: z.string(),
  comment: z
    .object({
      id: z.number().int(),
      body: z.string(),
      createdAt: z.string(),
      /** Set by `rebuild` when `body` is the recorded commands of an edited or deleted comment: the digest the bot recorded. */
      digest: z.string().optional(),
      /**
       * Gitea's time of an edit of a new comment made in a later second than it was written, before
       * the bot read it (src/gitea/edited-at.ts): a program.repos delivery read back
       * (src/worker/confirm-delivery.ts), a comment the catch-up read (normalize.ts), one `rebuild`
       * finds the live bot answered so (src/rebuild/edited-before-read.ts). Gitea does not say who
       * edited it (a writer may edit anyone's comment), so its commands are answered, not run.
       */
      editedAt: z.string().optional(),
    })
    .optional(),
  timer: z
    .object({ workflow: z.string(), name: z.string(), forState: z.string(), forVersion: z.number().int() })
    .optional(),
  /** A pull request's head commit (for `pull.updated`). */
  pull: z.object({ headSha: z.string() }).optional(),
  /**
   * Set from a comment's webhook delivery only: Gitea built the payload as the comment was saved,
   * so the issue's fields are as they were when the person wrote the comment (the labels read
   * from the database then: services/convert/issue.go toIssue, LoadLabels), and `actorAdmin` is
   * whether the commenter had admin access to `repo` then (`repository.permissions.admin`, see
   * payloads.ts). Never set by the catch-up (its payloads are made from lists) or by timers.
   */
  asOfComment: z.object({ actorAdmin: z.boolean().optional() }).optional(),
  /** Gitea's `X-Gitea-Delivery`; CATCH_UP_DELIVERY_ID for an event the catch-up read from Gitea's lists. */
  deliveryId: z.string().optional(),
  /** Made by the bot itself (an issue it opened, on someone's behalf): not dropped as its own event. */
  internal: z.boolean().optional(),
});

export type BotEvent = z.output<typeof botEventSchema>;
