import { keySpace } from './keys.js';

/** The intake log: a Redis Stream of accepted deliveries, moved into the BullMQ queue by the worker. */
export const INTAKE_STREAM = 'ob:intake';
export const INTAKE_GROUP = 'movers';
/** The dedupe mark of an accepted job id (queue/intake-log.ts writes it with its stream entry, atomically). */
export const seenKey = (jobId: string) => `ob:seen:${jobId}`;

export const intakeKeys = keySpace({
  store: 'intake',
  patterns: [INTAKE_STREAM, 'ob:seen:*'],
  derived: false,
  kept: 'deliveries not yet moved into the queue, and the dedupe window of those that were',
});
