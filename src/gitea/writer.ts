import type { Redis } from 'ioredis';
import { NOTE_MARKER, REPLY_MARKER, STATE_MARKER } from '../engine/effects.js';
import { type Comment, type GiteaClient, GiteaError, type RepoRef } from './client.js';
import type { LabelCatalog } from './labels.js';

export type WriterDeps = { gitea: GiteaClient; labels: LabelCatalog; redis: Redis; botLogin: string };

const statusKey = (repo: RepoRef, issue: number, workflow: string) =>
  `ob:status-comment:${repo.owner}/${repo.name}#${issue}:${workflow}`;
/** Before 0.2 a set of the keys posted; read still, so an upgrade mid-retry does not post twice. */
const postedKey = (repo: RepoRef, issue: number) => `ob:posted:${repo.owner}/${repo.name}#${issue}`;
/** What the bot wrote in an issue: a hash of post key (`reply-<comment id>`, `note-<key>`) → comment id. */
const writtenKey = (repo: RepoRef, issue: number) => `ob:written:${repo.owner}/${repo.name}#${issue}`;
/** Set before a post is sent, removed once its id is recorded: still there, the answer was lost. */
const writingKey = (repo: RepoRef, issue: number, key: string) =>
  `ob:writing:${repo.owner}/${repo.name}#${issue}:${key}`;
/** As long as a failed job may be retried (its record is kept 30 days). */
const WRITING_TTL_SECONDS = 30 * 86_400;

export const replyMarker = (commentId: number) => `<!-- ${REPLY_MARKER} ${commentId} -->`;
export const noteMarker = (key: string) => `<!-- ${NOTE_MARKER} ${key} -->`;
const statusMarkerPrefix = (workflow: string) =>
  `<!-- ${STATE_MARKER} {"workflow":${JSON.stringify(workflow)}`;

/**
 * Idempotent writes to one issue: the status comment is found by its marker and edited, a reply
 * carries the id of the command it answers and is never posted twice, labels are set, not toggled.
 */
export function createIssueWriter(deps: WriterDeps, repo: RepoRef, issue: number) {
  let comments: Promise<Comment[]> | undefined;
  const botComments = async () => {
    comments ??= deps.gitea.listComments(repo, issue);
    return (await comments).filter((c) => c.user?.login === deps.botLogin);
  };

  async function upsertStatusComment(workflow: string, body: string): Promise<number> {
    const key = statusKey(repo, issue, workflow);
    const cached = Number(await deps.redis.get(key));
    if (cached) {
      try {
        await deps.gitea.editComment(repo, cached, body);
        return cached;
      } catch (error) {
        if (!(error instanceof GiteaError && error.status === 404)) throw error;
        await deps.redis.del(key);
        comments = undefined;
      }
    }
    const existing = (await botComments()).find((c) => c.body?.includes(statusMarkerPrefix(workflow)));
    if (existing?.id) {
      if (existing.body !== body) await deps.gitea.editComment(repo, existing.id, body);
      await deps.redis.set(key, existing.id);
      return existing.id;
    }
    const created = await deps.gitea.createComment(repo, issue, body);
    await deps.redis.set(key, created.id ?? 0);
    return created.id ?? 0;
  }

  /**
   * Posts a comment once per key, without reading the issue: the key is marked "writing" first,
   * then the comment is created, then its id is recorded. A mark without a record means an
   * earlier attempt may have posted and lost the answer: only then are the issue's comments
   * listed, and the marker (written into the comment) tells whether it is there already.
   */
  async function postOnce(key: string, marker: string, body: string): Promise<void> {
    const answers = (await deps.redis
      .pipeline()
      .hget(writtenKey(repo, issue), key)
      .sismember(postedKey(repo, issue), key)
      .set(writingKey(repo, issue, key), '1', 'EX', WRITING_TTL_SECONDS, 'NX')
      .exec()) as [Error | null, unknown][] | null;
    const failed = answers?.find(([error]) => error)?.[0];
    if (!answers || failed) throw failed ?? new Error('Redis did not answer');
    const [written, legacy, fresh] = answers.map(([, result]) => result);
    if (written != null || legacy === 1) return;
    let id = fresh === 'OK' ? undefined : (await botComments()).find((c) => c.body?.includes(marker))?.id;
    id ??= (await deps.gitea.createComment(repo, issue, `${body}\n\n${marker}`)).id ?? 0;
    await deps.redis
      .multi()
      .hset(writtenKey(repo, issue), key, id)
      .del(writingKey(repo, issue, key))
      .exec();
  }

  const reply = (toCommentId: number, body: string) =>
    postOnce(`reply-${toCommentId}`, replyMarker(toCommentId), body);
  const note = (key: string, body: string) => postOnce(`note-${key}`, noteMarker(key), body);

  /**
   * Puts `label` on the issue and removes every other label of its scope. The bot's state labels
   * are exclusive: adding one makes Gitea drop the others of its scope (models/issues/issue_label.go,
   * RemoveDuplicateExclusiveIssueLabels) and answer with the issue's labels, so one request does
   * it; a non-exclusive sibling someone made by hand is removed after.
   */
  async function setStateLabel(scope: string, label: string): Promise<void> {
    const wanted = await deps.labels.ensure(repo, label);
    const current = wanted.exclusive
      ? await deps.gitea.addLabels(repo, issue, [wanted.id ?? 0])
      : await deps.gitea.issueLabels(repo, issue);
    for (const other of current) {
      if (other.name !== label && other.name?.startsWith(`${scope}/`) && other.id) {
        await deps.gitea.removeLabel(repo, issue, other.id);
      }
    }
    if (!wanted.exclusive && !current.some((l) => l.name === label))
      await deps.gitea.addLabels(repo, issue, [wanted.id ?? 0]);
  }

  /** Adds a label (created in the repo if needed) without touching the others. */
  async function addLabel(name: string): Promise<void> {
    const label = await deps.labels.ensure(repo, name);
    await deps.gitea.addLabels(repo, issue, [label.id ?? 0]);
  }

  return {
    addLabel,
    upsertStatusComment,
    reply,
    note,
    setStateLabel,
    close: () => deps.gitea.setIssueState(repo, issue, 'closed'),
    reopen: () => deps.gitea.setIssueState(repo, issue, 'open'),
  };
}

export type IssueWriter = ReturnType<typeof createIssueWriter>;
