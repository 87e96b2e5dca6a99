import { z } from 'zod';
import { actedInputSchema } from './inputs.js';

/** One workflow running on one issue: what Redis holds and the status comment's marker mirrors. */
export const instanceSchema = z.object({
  workflow: z.string(),
  repo: z.string(),
  issue: z.number().int(),
  state: z.string(),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  /** Workflow-specific facts (modules done, quiz score…), JSON only. */
  data: z.record(z.string(), z.unknown()).default({}),
  /** Comment ids of commands already applied, in id order: a command is applied once. */
  applied: z.array(z.number().int()).default([]),
  /** The inputs the instance acted on (issue body, command comments), by `BODY_INPUT` or comment id. */
  inputs: z.record(z.string(), actedInputSchema).default({}),
  /**
   * The person key (src/store/people.ts) of each data field naming a person by login, recorded
   * when the field was set: a renamed person keeps the role, a freed login registered again gets none.
   */
  people: z.record(z.string(), z.string()).optional(),
});

export type Instance = z.output<typeof instanceSchema>;

/**
 * `applied` with `commentId` (none: as it is), in id order, as written: the same list whichever
 * order the comments were handled in, and so the same as rebuild's, which replays them as written.
 */
export const withApplied = (applied: readonly number[], commentId: number | undefined): number[] =>
  commentId === undefined ? [...applied] : [...applied, commentId].sort((a, b) => a - b);
