import { z } from 'zod';
import { chainSchema } from './application/chains.js';

/** One operator in the registry (PROGRAM.md phase 4), keyed by Gitea login. */
export const operatorRecordSchema = z.object({
  login: z.string(),
  handle: z.string(),
  wallet: z.string(),
  chain: chainSchema,
  nodes: z.number().int().nonnegative(),
  region: z.string(),
  activatedAt: z.string(),
  mentor: z.string().optional(),
  referrer: z.string().optional(),
  status: z.enum(['active', 'exiting', 'exited', 'terminated']),
  endedAt: z.string().optional(),
  applicationIssue: z.string(),
});

export type OperatorRecord = z.output<typeof operatorRecordSchema>;
