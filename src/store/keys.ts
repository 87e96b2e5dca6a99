/** Every Redis key the bot owns starts with `ob:`. */
export const issueKey = (repo: string, issue: number) => `${repo}#${issue}`;
export const instanceKey = (repo: string, issue: number, workflow: string) =>
  `ob:instance:${issueKey(repo, issue)}:${workflow}`;
export const INSTANCE_INDEX = 'ob:instances';
export const lockKey = (repo: string, issue: number) => `ob:lock:${issueKey(repo, issue)}`;
export const seenKey = (jobId: string) => `ob:seen:${jobId}`;
/** The intake log: a Redis Stream of accepted deliveries, moved into the BullMQ queue by the worker. */
export const INTAKE_STREAM = 'ob:intake';
export const INTAKE_GROUP = 'movers';
