/** Every Redis key the bot owns starts with `ob:`. */
export const issueKey = (repo: string, issue: number) => `${repo}#${issue}`;
export const instanceKey = (repo: string, issue: number, workflow: string) =>
  `ob:instance:${issueKey(repo, issue)}:${workflow}`;
export const INSTANCE_INDEX = 'ob:instances';
export const lockKey = (repo: string, issue: number) => `ob:lock:${issueKey(repo, issue)}`;
export const seenKey = (jobId: string) => `ob:seen:${jobId}`;
