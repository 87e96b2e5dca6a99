import { z } from 'zod';
import { chainSchema } from './wallets/chains.js';

/**
 * One operator in the registry (PROGRAM.md phase 4), keyed by Gitea login: the current view of
 * the operator's history (`domain/history`), or a record stored before the history existed.
 */
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
  /** How many times the operator was activated (absent in old records: 1). */
  stints: z.number().int().positive().optional(),
  /** An operator's `/nodes N` request waiting for a maintainer (`from` is YYYY-MM-DD). */
  pendingNodes: z
    .object({ nodes: z.number().int().nonnegative(), from: z.string(), at: z.string() })
    .optional(),
});

export type OperatorRecord = z.output<typeof operatorRecordSchema>;
