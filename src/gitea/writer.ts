import type { Redis } from 'ioredis';
import { NOTE_MARKER, REPLY_MARKER, STATE_MARKER } from '../engine/effects.js';
import {
  legacyPostedKey,
  statusCommentKey,
  WRITING_TTL_SECONDS,
  type WrittenRecords,
  writingKey,
  writtenKey,
} from '../store/written.js';
import { type Comment, type GiteaClient, GiteaError, type RepoRef } from './client.js';
import type { LabelCatalog } from './labels.js';

export type WriterDeps = { gitea: GiteaClient; labels: LabelCatalog; redis: Redis; botLogin: string };

export const replyMarker = (commentId: number) => `<!-- ${REPLY_MARKER} ${commentId} -->`;
export const noteMarker = (key: string) => `<!-- ${NOTE_MARKER} ${key} -->`;
const statusMarkerPrefix = (workflow: string) =>
  `<!-- ${STATE_MARKER} {"workflow":${JSON.stringify(workflow)}`;

const STATUS_MARKER = new RegExp(`<!-- ${STATE_MARKER} \\{"workflow":("(?:[^"\\\\]|\\\\.)*")`);
const POST_MARKER = new RegExp(`<!-- (${REPLY_MARKER}|${NOTE_MARKER}) (\\S+)`);

/**
 * The records of what the bot wrote, read back from its comments by their markers: each status
 * comment by workflow, each reply (`reply-<command id>`) and note (`note-<key>`) with its comment id.
 */
export function writtenInComments(comments: readonly Comment[], botLogin: string): WrittenRecords {
  const found: WrittenRecords = { status: [], posts: [] };
  for (const comment of comments) {
    if (comment.user?.login?.toLowerCase() !== botLogin.toLowerCase() || !comment.id) continue;
    const body = comment.body ?? '';
    const workflow = STATUS_MARKER.exec(body)?.[1];
    if (workflow) found.status.push([JSON.parse(workflow) as string, comment.id]);
    const post = POST_MARKER.exec(body);
    if (post) found.posts.push([`${post[1] === REPLY_MARKER ? 'reply' : 'note'}-${post[2]}`, comment.id]);
  }
  return found;
}

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
    const key = statusCommentKey({ repo, issue }, workflow);
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
      .hget(writtenKey({ repo, issue }), key)
      .sismember(legacyPostedKey({ repo, issue }), key)
      .set(writingKey({ repo, issue }, key), '1', 'EX', WRITING_TTL_SECONDS, 'NX')
      .exec()) as [Error | null, unknown][] | null;
    const failed = answers?.find(([error]) => error)?.[0];
    if (!answers || failed) throw failed ?? new Error('Redis did not answer');
    const [written, legacy, fresh] = answers.map(([, result]) => result);
    if (written != null || legacy === 1) return;
    let id = fresh === 'OK' ? undefined : (await botComments()).find((c) => c.body?.includes(marker))?.id;
    id ??= (await deps.gitea.createComment(repo, issue, `${body}\n\n${marker}`)).id ?? 0;
    await deps.redis
      .multi()
      .hset(writtenKey({ repo, issue }), key, id)
      .del(writingKey({ repo, issue }, key))
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
