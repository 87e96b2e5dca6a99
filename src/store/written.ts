import type { Redis } from 'ioredis';

/** Where an issue is, in the keys below: `owner/name#number`. */
type IssueRef = { repo: { owner: string; name: string }; issue: number };
const at = ({ repo, issue }: IssueRef) => `${repo.owner}/${repo.name}#${issue}`;

/** The id of the bot's status comment of one workflow in an issue. */
export const statusCommentKey = (ref: IssueRef, workflow: string) =>
  `ob:status-comment:${at(ref)}:${workflow}`;
/** Before 0.2 a set of the keys posted; read still, so an upgrade mid-retry does not post twice. */
export const legacyPostedKey = (ref: IssueRef) => `ob:posted:${at(ref)}`;
/** What the bot posted in an issue: a hash of post key (`reply-<comment id>`, `note-<key>`) → comment id. */
export const writtenKey = (ref: IssueRef) => `ob:written:${at(ref)}`;
/** Set before a post is sent, removed once its id is recorded: still there, the answer was lost. */
export const writingKey = (ref: IssueRef, key: string) => `ob:writing:${at(ref)}:${key}`;
/** As long as a failed job may be retried (failed jobs are kept 30 days). */
export const WRITING_TTL_SECONDS = 30 * 86_400;

/** What the bot's own comments in one issue say it wrote (see writtenInComments in src/gitea/writer.ts). */
export type WrittenRecords = { status: [workflow: string, id: number][]; posts: [key: string, id: number][] };

/** Records the ids of comments the bot is known to have written (rebuild reads them from Gitea). */
export async function recordWritten(redis: Redis, ref: IssueRef, found: WrittenRecords): Promise<string[]> {
  const multi = redis.multi();
  for (const [workflow, id] of found.status) multi.set(statusCommentKey(ref, workflow), id);
  if (found.posts.length > 0) multi.hset(writtenKey(ref), Object.fromEntries(found.posts));
  await multi.exec();
  return found.status.map(([workflow]) => statusCommentKey(ref, workflow));
}
