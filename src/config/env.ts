import { z } from 'zod';

const repoFullName = z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'write it as owner/repo');

export const envSchema = z.object({
  GITEA_URL: z
    .url({ message: 'must be the base URL of the Gitea instance, e.g. https://gitea.example.org' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  GITEA_TOKEN: z.string().min(1).optional(),
  WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Keys the MACs of the bot's hidden markers; without it they are keyed from GITEA_TOKEN. */
  MARKER_SECRET: z.string().min(16, 'use at least 16 random characters').optional(),
  PROGRAM_REPO: repoFullName.optional(),
  /** The bot's address as Gitea reaches it (`init` points the webhook at PUBLIC_URL/webhooks/gitea). */
  PUBLIC_URL: z
    .url({ message: 'must be the address Gitea reaches the bot at, e.g. https://bot.example.org' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  PROGRAM_CONFIG: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  WEBHOOK_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** How long a job (and its issue) stays locked without a heartbeat: a killed worker's job is retried after it. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** Tries of a job before it is parked as failed (`operator-bot jobs failed`), and the first backoff. */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1_000),
  GITEA_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Basic-auth credentials of the queue dashboard at /admin/queues; the dashboard is off without them. */
  ADMIN_USER: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
});

export type Env = z.output<typeof envSchema>;

/**
 * What each required variable is and where to find its value: printed, one line per variable,
 * when a command starts without it.
 */
export const ENV_HELP: Record<(typeof REQUIRED_FOR_SERVE)[number], string> = {
  GITEA_URL: 'the base URL of your Gitea, e.g. GITEA_URL=https://gitea.example.org',
  GITEA_TOKEN:
    "the bot account's access token: Gitea → Settings → Applications → Generate New Token (scopes: write:issue, write:repository, read:user, read:organization)",
  WEBHOOK_SECRET:
    'the secret of the Gitea webhook: a long random string, the same in Gitea and here (make one with `openssl rand -hex 32` and paste its output; `operator-bot init` writes one for you)',
  PROGRAM_REPO: 'the owner/repo of the program, e.g. PROGRAM_REPO=fleet/program',
};

/** The variables each role cannot run without. */
export const REQUIRED_FOR_SERVE = ['GITEA_URL', 'GITEA_TOKEN', 'WEBHOOK_SECRET', 'PROGRAM_REPO'] as const;
export const REQUIRED_FOR_WORKER = ['GITEA_URL', 'GITEA_TOKEN', 'PROGRAM_REPO'] as const;

/**
 * The secret the markers' MACs are keyed from: MARKER_SECRET, else the bot's Gitea token (which
 * every process that writes has). Rotating the token without MARKER_SECRET makes the bot's old
 * markers unverifiable: set MARKER_SECRET to rotate the token freely.
 */
export const markerSecretOf = (env: Env): string => env.MARKER_SECRET ?? env.GITEA_TOKEN ?? '';
