import { z } from 'zod';

/**
 * Gitea webhook payloads (modules/structs/hook.go): only the fields the bot reads. Unknown fields
 * are tolerated and dropped (z.object strips them, much cheaper than copying them through).
 */

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string().min(1),
});

export const labelSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  exclusive: z.boolean().optional(),
});

export const repositorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  full_name: z.string().regex(/^[^/]+\/[^/]+$/),
  owner: userSchema,
  /**
   * Access to this repository of the user Gitea built the payload for (services/convert/repository.go
   * innerToRepo: `admin` is an access mode of admin or owner). In comment deliveries that is the
   * commenter (services/webhook/notifier.go CreateIssueComment, UpdateComment: the doer); in issue
   * deliveries the issue's poster, not the sender. Another shape tells nothing (the API is asked).
   */
  permissions: z.object({ admin: z.boolean() }).nullish().catch(null),
});

export const issueSchema = z.object({
  id: z.number().int(),
  html_url: z.string().optional(),
  number: z.number().int().positive(),
  user: userSchema,
  title: z.string(),
  body: z
    .string()
    .nullable()
    .transform((body) => body ?? ''),
  labels: z
    .array(labelSchema)
    .nullable()
    .transform((labels) => labels ?? []),
  assignees: z
    .array(userSchema)
    .nullable()
    .optional()
    .transform((users) => users ?? []),
  state: z.enum(['open', 'closed']),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  closed_at: z.iso.datetime({ offset: true }).nullable().optional(),
  pull_request: z.unknown().optional(),
});

export const commentSchema = z.object({
  id: z.number().int(),
  user: userSchema,
  body: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});

export const ISSUE_ACTIONS = ['opened', 'edited', 'closed', 'reopened'] as const;
export const LABEL_ACTIONS = ['label_updated', 'label_cleared'] as const;
export const ASSIGN_ACTIONS = ['assigned', 'unassigned'] as const;
export const COMMENT_ACTIONS = ['created', 'edited', 'deleted'] as const;

const issueDelivery = <A extends readonly [string, ...string[]]>(actions: A) =>
  z.object({
    action: z.enum(actions),
    number: z.number().int().positive(),
    issue: issueSchema,
    repository: repositorySchema,
    sender: userSchema,
  });

export const issuesPayloadSchema = issueDelivery(ISSUE_ACTIONS);
export const issueLabelPayloadSchema = issueDelivery(LABEL_ACTIONS);
export const issueAssignPayloadSchema = issueDelivery(ASSIGN_ACTIONS);

export const issueCommentPayloadSchema = z.object({
  action: z.enum(COMMENT_ACTIONS),
  issue: issueSchema,
  comment: commentSchema,
  repository: repositorySchema,
  sender: userSchema,
  is_pull: z.boolean().optional(),
});

export const PULL_ACTIONS = ['opened', 'synchronized', 'reopened', 'edited'] as const;

/** `pull_request` deliveries (Gitea's PullRequestPayload); only what the quality checks read. */
export const pullRequestPayloadSchema = z.object({
  action: z.string(),
  number: z.number().int().positive(),
  pull_request: issueSchema
    .pick({
      id: true,
      number: true,
      user: true,
      title: true,
      body: true,
      state: true,
      html_url: true,
      created_at: true,
      updated_at: true,
    })
    .extend({ head: z.object({ sha: z.string().min(7) }) }),
  repository: repositorySchema,
  sender: userSchema,
});

export type GiteaIssue = z.output<typeof issueSchema>;
