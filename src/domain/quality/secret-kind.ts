import { z } from 'zod';

const SECRET_KINDS = [
  'private-key',
  'github-token',
  'gitea-token',
  'aws-access-key-id',
  'aws-secret-access-key',
  'slack-token',
  'telegram-bot-token',
  'high-entropy-assignment',
] as const;
const secretKindSchema = z.enum(SECRET_KINDS);
export type SecretKind = z.output<typeof secretKindSchema>;

/** What a reader sees for each kind, in comments. */
export const SECRET_KIND_LABELS: Record<SecretKind, string> = {
  'private-key': 'private key',
  'github-token': 'GitHub token',
  'gitea-token': 'Gitea access token',
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'slack-token': 'Slack token',
  'telegram-bot-token': 'Telegram bot token',
  'high-entropy-assignment': 'high-entropy value assigned to a secret-like name',
};

/** A secret found on an added line: where it is and what it looks like, never the value. */
export const secretFindingSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  kind: secretKindSchema,
});
export type SecretFinding = z.output<typeof secretFindingSchema>;
