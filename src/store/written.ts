import type { Redis } from 'ioredis';
import { deleteMatching, keySpace } from './keys.js';

/** Where an issue is, in the keys below: `owner/name#number`. */
type IssueRef = { repo: { owner: string; name: string }; issue: number };
const at = ({ repo, issue }: IssueRef) => `${repo.owner}/${repo.name}#${issue}`;

/** The id of the bot's status comment of one workflow in an issue. */
const statusCommentKey = (ref: IssueRef, workflow: string) => `ob:status-comment:${at(ref)}:${workflow}`;
/** The SHA-256 of the body the bot last wrote in that comment: a person's edit of it shows. */
const statusDigestKey = (ref: IssueRef, workflow: string) => `${statusCommentKey(ref, workflow)}:digest`;
/** That body itself, to write back over a person's edit (src/worker/restore-status.ts). */
const statusBodyKey = (ref: IssueRef, workflow: string) => `${statusCommentKey(ref, workflow)}:body`;
/**
 * Hash: status version (the instance's, StatusMarker) → when Gitea first showed the comment at that
 * version (its `updated_at` answering the bot's edit or post, ISO UTC). What a person saw when
 * writing a command: the version decided is not yet on the issue while the job writing it waits.
 */
const statusShownKey = (ref: IssueRef, workflow: string) => `${statusCommentKey(ref, workflow)}:shown`;
/** Its field for the last time a person's edit was written back (statusShownAgain). */
const RESTORED = 'restored';
/**
 * KEYS[1] the shown hash; ARGV version, Gitea's time, body digest, TTL (s). A field is `<time> <digest>`:
 * a retried write of the same body keeps the first time; a job killed after its edit and retried
 * decides the version again on the inputs as they are then, so another body at the same version
 * is shown from its own write.
 */
const SHOW_LUA = `local was = redis.call('HGET', KEYS[1], ARGV[1])
if not was or string.sub(was, -string.len(ARGV[3])) ~= ARGV[3] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ' ' .. ARGV[3])
end
return redis.call('EXPIRE', KEYS[1], ARGV[4])`;
type ShowCommand = { obStatusShown: (key: string, ...args: (string | number)[]) => unknown };
/** A body is kept this long after the bot last wrote it (seconds): a live issue's is written often. */
const STATUS_BODY_TTL_SECONDS = 90 * 86_400;
/** Before 0.2 a set of the keys posted; read still, so an upgrade mid-retry does not post twice. */
const legacyPostedKey = (ref: IssueRef) => `ob:posted:${at(ref)}`;
/** What the bot posted in an issue: a hash of post key (`reply-<comment id>`, `note-<key>`) → comment id. */
const writtenKey = (ref: IssueRef) => `ob:written:${at(ref)}`;
/** Set before a post is sent, removed once its id is recorded: still there, the answer was lost. */
const writingKey = (ref: IssueRef, key: string) => `ob:writing:${at(ref)}:${key}`;
/** Set when the bot closes or reopens the issue (before it asks Gitea to). */
const stateSetKey = (ref: IssueRef) => `ob:state-set:${at(ref)}`;
/** As long as a failed job may be retried (failed jobs are kept 30 days). */
const WRITING_TTL_SECONDS = 30 * 86_400;

/** Derived: rebuild reads the ids back from the markers of the bot's comments (recordWritten). */
export const writtenKeys = keySpace({
  store: 'written',
  patterns: ['ob:posted:*', 'ob:written:*', 'ob:status-comment:*'],
  derived: true,
});

export const writingKeys = keySpace({
  store: 'written (posts in flight)',
  patterns: ['ob:writing:*'],
  derived: false,
  kept: 'a post sent whose answer may be lost: the retried job lists the comments to find it',
});

export const stateSetKeys = keySpace({
  store: 'written (issue states the bot set)',
  patterns: ['ob:state-set:*'],
  derived: false,
  kept: "Gitea's history does not say which close or reopen was the bot's own; without the mark, a comment delivery's issue state would be trusted where the bot changed it since",
});

/** What the bot's own comments in one issue say it wrote (see writtenInComments in src/gitea/writer.ts). */
export type WrittenRecords = { status: [workflow: string, id: number][]; posts: [key: string, id: number][] };

/**
 * The ids of the comments the bot wrote in issues, so that it edits its status comment and
 * posts each reply or note once without reading the issue's comments.
 */
export function createWrittenStore(redis: Redis) {
  if (!('obStatusShown' in redis)) redis.defineCommand('obStatusShown', { lua: SHOW_LUA, numberOfKeys: 1 });
  return {
    /** The recorded id of a workflow's status comment; 0 when none is. */
    statusComment: async (ref: IssueRef, workflow: string): Promise<number> =>
      Number(await redis.get(statusCommentKey(ref, workflow))),
    /**
     * Records the status comment's id and, when given, the body the bot wrote in it (kept 90 days)
     * with its SHA-256 (hex, bodyDigest), and when Gitea first showed its `version` (`shownAt`,
     * Gitea's `updated_at` of the write, ISO; a retried write of the same body keeps the first, one of
     * another body at the same version is shown from then).
     */
    setStatusComment: async (
      ref: IssueRef,
      workflow: string,
      id: number,
      written?: { body: string; digest: string; version?: number; shownAt?: string },
    ): Promise<void> => {
      const pipeline = redis.pipeline().set(statusCommentKey(ref, workflow), id);
      if (written) {
        pipeline.set(statusDigestKey(ref, workflow), written.digest);
        pipeline.set(statusBodyKey(ref, workflow), written.body, 'EX', STATUS_BODY_TTL_SECONDS);
        if (written.version !== undefined && written.shownAt) {
          const shown = statusShownKey(ref, workflow);
          const args = [String(written.version), written.shownAt, written.digest, STATUS_BODY_TTL_SECONDS];
          (pipeline as typeof pipeline & ShowCommand).obStatusShown(shown, ...args);
        }
      }
      await pipeline.exec();
    },
    /**
     * When Gitea first showed the status comment at `version` or a later one (ISO UTC); undefined
     * when no such write is recorded (before 0.4, after a rebuild, older than 90 days).
     */
    statusShownSince: async (
      ref: IssueRef,
      workflow: string,
      version: number,
    ): Promise<string | undefined> => {
      const { [RESTORED]: restored, ...byVersion } = await redis.hgetall(statusShownKey(ref, workflow));
      const [first] = Object.entries(byVersion)
        .map(([v, value]) => [Number(v), value.split(' ')[0] ?? ''] as const)
        .filter(([v]) => v >= version)
        .sort(([a], [b]) => a - b);
      if (!first) return restored;
      return restored && Date.parse(restored) > Date.parse(first[1]) ? restored : first[1];
    },
    /** The status comment is shown as the bot wrote it again from `at` (ISO UTC), after a person's edit was written back (src/worker/restore-status.ts). */
    statusShownAgain: async (ref: IssueRef, workflow: string, at: string): Promise<void> => {
      const shown = statusShownKey(ref, workflow);
      await redis.multi().hset(shown, RESTORED, at).expire(shown, STATUS_BODY_TTL_SECONDS).exec();
    },
    /** The body the bot last wrote in a workflow's status comment; undefined when none is kept (older, expired, rebuilt). */
    statusBody: async (ref: IssueRef, workflow: string): Promise<string | undefined> =>
      (await redis.get(statusBodyKey(ref, workflow))) ?? undefined,
    /**
     * Before the bot edits its status comment: `digest` (the new body's) is expected as well as the
     * one recorded, until setStatusComment records it alone. A worker killed between the edit and
     * the record, or an edit whose answer was lost, leaves either body in Gitea, both the bot's.
     */
    expectStatus: async (ref: IssueRef, workflow: string, digest: string): Promise<void> => {
      const key = statusDigestKey(ref, workflow);
      const [recorded] = ((await redis.get(key)) ?? '').split(' ');
      await redis.set(key, recorded ? `${recorded} ${digest}` : digest);
    },
    /** The SHA-256s (hex) of the bodies the bot may have last written in a workflow's status comment; empty when none is recorded (before 0.3, or rebuilt). */
    statusDigests: async (ref: IssueRef, workflow: string): Promise<string[]> =>
      ((await redis.get(statusDigestKey(ref, workflow))) ?? '').split(' ').filter(Boolean),
    forgetStatusComment: async (ref: IssueRef, workflow: string): Promise<void> => {
      await redis.del(statusCommentKey(ref, workflow));
    },
    /**
     * Before a post (`record`: `reply-<id>`, `note-<key>`), in one round trip: whether it is
     * recorded as written, and marks it "writing" — `fresh` is false when a mark was already
     * there (an earlier attempt may have posted). A post recorded already keeps no mark (a second
     * round trip lifts the one just set). Throws when Redis does not answer.
     */
    async startPost(ref: IssueRef, record: string): Promise<{ written: boolean; fresh: boolean }> {
      const answers = (await redis
        .pipeline()
        .hget(writtenKey(ref), record)
        .sismember(legacyPostedKey(ref), record)
        .set(writingKey(ref, record), '1', 'EX', WRITING_TTL_SECONDS, 'NX')
        .exec()) as [Error | null, unknown][] | null;
      const failed = answers?.find(([error]) => error)?.[0];
      if (!answers || failed) throw failed ?? new Error('Redis did not answer');
      const [written, legacy, fresh] = answers.map(([, result]) => result);
      const done = written != null || legacy === 1;
      // A job run again after its post was recorded (the worker died before saving the instance)
      // must not leave the mark it just set behind for 30 days.
      if (done && fresh === 'OK') await redis.del(writingKey(ref, record));
      return { written: done, fresh: fresh === 'OK' };
    },
    /**
     * Marks that the bot closed or reopened the issue: a comment written before that holds the
     * state from before in its delivery, and Gitea sends the bot no event of its own change that
     * it acts on, so the issue is read before each later comment is decided (handle-event.ts).
     * Set before the change is asked of Gitea (a crash between the two leaves the mark).
     */
    markStateSet: async (ref: IssueRef): Promise<void> => {
      await redis.set(stateSetKey(ref), '1');
    },
    /** Whether the bot ever closed or reopened the issue (markStateSet). */
    stateWasSet: async (ref: IssueRef): Promise<boolean> => (await redis.exists(stateSetKey(ref))) === 1,
    /** Records a post's comment id and lifts its "writing" mark. */
    async recordPost(ref: IssueRef, record: string, id: number): Promise<void> {
      await redis.multi().hset(writtenKey(ref), record, id).del(writingKey(ref, record)).exec();
    },
  };
}

/**
 * Records the ids of comments the bot is known to have written (rebuild reads them from Gitea);
 * returns the status comment keys it set, for forgetStatusCommentsExcept.
 */
export async function recordWritten(redis: Redis, ref: IssueRef, found: WrittenRecords): Promise<string[]> {
  const multi = redis.multi();
  for (const [workflow, id] of found.status) multi.set(statusCommentKey(ref, workflow), id);
  if (found.posts.length > 0) multi.hset(writtenKey(ref), Object.fromEntries(found.posts));
  await multi.exec();
  return found.status.map(([workflow]) => statusCommentKey(ref, workflow));
}

/** Forgets every status comment id but those of `known` (keys recordWritten returned). */
export async function forgetStatusCommentsExcept(redis: Redis, known: ReadonlySet<string>): Promise<void> {
  await deleteMatching(redis, 'ob:status-comment:*', (key) => !known.has(key));
}
