import { z } from 'zod';
import { isoInstantSchema } from '../time/instant.js';
import { chainSchema } from '../wallets/chains.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD');
const nodeCount = z.number().int().nonnegative();

/**
 * What every history event carries: `id` names the fact it records (the same fact recorded
 * twice, e.g. a retried job, is kept once), `at` is when it was recorded (event time, never the
 * clock of the machine), `by` who recorded it.
 */
const common = { id: z.string().min(1), at: isoInstantSchema, by: z.string().optional() };

/**
 * The operator reached active (PROGRAM.md phase 4): a new stint starts on the UTC day of `at`,
 * with the application's handle, wallet, nodes, region, mentor and referrer. Ignored while a
 * stint is still open (an operator is activated once per stint).
 */
const activatedEventSchema = z.object({
  ...common,
  type: z.literal('activated'),
  handle: z.string(),
  wallet: z.string(),
  chain: chainSchema,
  nodes: nodeCount,
  region: z.string(),
  mentor: z.string().optional(),
  referrer: z.string().optional(),
  applicationIssue: z.string(),
});

/** An exit notice was given: the open stint is `exiting` until it ends. */
const noticeEventSchema = z.object({ ...common, type: z.literal('notice') });

/**
 * The open stint ended: `lastDay` is the last active day (an instant; its UTC day counts),
 * `kind` says whether it was a voluntary exit or a termination for cause. Without `lastDay`
 * (only in records from before the history) the line is paid to the month's end and held.
 */
const endedEventSchema = z.object({
  ...common,
  type: z.literal('ended'),
  kind: z.enum(['exited', 'terminated']),
  lastDay: isoInstantSchema.optional(),
  reason: z.string().optional(),
});

/** A maintainer changed the node count, effective from the UTC day `from` (both stints and months). */
const nodesEventSchema = z.object({
  ...common,
  type: z.literal('nodes'),
  from: isoDate,
  nodes: nodeCount,
});

/** An operator asked for a node count (`/nodes N`); nothing changes until a maintainer confirms. */
const nodesRequestedEventSchema = z.object({
  ...common,
  type: z.literal('nodes-requested'),
  from: isoDate,
  nodes: nodeCount,
});

/** The wallet pay goes to changed, for pay of the days from `from` on. */
const walletEventSchema = z.object({
  ...common,
  type: z.literal('wallet'),
  from: isoDate,
  wallet: z.string(),
  chain: chainSchema,
});

export const historyEventSchema = z.discriminatedUnion('type', [
  activatedEventSchema,
  noticeEventSchema,
  endedEventSchema,
  nodesEventSchema,
  nodesRequestedEventSchema,
  walletEventSchema,
]);
export type HistoryEvent = z.output<typeof historyEventSchema>;
export type ActivatedEvent = z.output<typeof activatedEventSchema>;

/**
 * One operator's history, append-only, in the order it was recorded. The registry record, each
 * month's payroll lines and the commission window are all derived from it, so a month computes
 * the same whenever it is recomputed.
 */
export const operatorHistorySchema = z.object({
  login: z.string().min(1),
  events: z.array(historyEventSchema),
});
export type OperatorHistory = z.output<typeof operatorHistorySchema>;
