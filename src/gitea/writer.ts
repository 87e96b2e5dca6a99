import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { MarkerSeal } from '../domain/text/marker.js';
import { markerJson } from '../domain/text/marker-json.js';
import { toIso } from '../domain/time/instant.js';
import {
  ANSWER_MARKER,
  NOTE_MARKER,
  REPLY_MARKER,
  STATE_MARKER,
  type StatusMarker,
} from '../engine/effects.js';
import { createWrittenStore, type WrittenRecords } from '../store/written.js';
import { type Comment, type GiteaClient, GiteaError, type RepoRef } from './client.js';
import type { LabelCatalog } from './labels.js';

export type WriterDeps = {
  gitea: GiteaClient;
  labels: LabelCatalog;
  redis: Redis;
  botLogin: string;
  /** Signs the markers the writer puts into comments and verifies the ones it finds. */
  seal: MarkerSeal;
};

/**
 * The line that links a workflow's status comment from a reply: `#issuecomment-ID` is the anchor
 * Gitea gives each comment on the issue page (models/issues/comment.go, `HashTag`).
 */
export const statusLink = (commentId: number) =>
  `\n\nThe full status, what is left and the workflow diagram: [the status comment](#issuecomment-${commentId}).`;

/** Where a comment marker is valid: the issue it was written in. */
export const commentPlace = (repo: RepoRef, issue: number) => `${repo.owner}/${repo.name}#${issue}`;

/**
 * The records of what the bot wrote, read back from its comments by their signed markers: each
 * status comment by workflow, each reply (`reply-<command id>`) and note (`note-<key>`) with its
 * comment id. `place` is the issue (`commentPlace`); markers that do not verify are ignored.
 */
export function writtenInComments(
  comments: readonly Comment[],
  botLogin: string,
  seal: MarkerSeal,
  place: string,
): WrittenRecords {
  const found: WrittenRecords = { status: [], posts: [] };
  for (const comment of comments) {
    if (comment.user?.login?.toLowerCase() !== botLogin.toLowerCase() || !comment.id) continue;
    const body = comment.body ?? '';
    for (const payload of seal.read(body, STATE_MARKER, place)) {
      try {
        const workflow = (JSON.parse(payload) as { workflow?: unknown }).workflow;
        if (typeof workflow === 'string') found.status.push([workflow, comment.id]);
      } catch {
        // a payload that is not the bot's JSON names no workflow
      }
    }
    for (const kind of [REPLY_MARKER, NOTE_MARKER]) {
      for (const key of seal.read(body, kind, place)) found.posts.push([`${kind}-${key}`, comment.id]);
    }
    // Before one reply per comment, commands of any issue were answered by a note `command-<id>`.
    for (const key of seal.read(body, NOTE_MARKER, place)) {
      const answered = /^command-(\d+)$/.exec(key)?.[1];
      if (answered) found.posts.push([`${REPLY_MARKER}-${answered}`, comment.id]);
    }
  }
  return found;
}

/**
 * Idempotent writes to one issue: the status comment is found by its marker and edited, a reply
 * carries the id of the command it answers and is never posted twice, labels are set, not toggled.
 * A marker counts only in the bot's own comments and only when its MAC verifies for this issue,
 * so text a person typed, pasted or edited in cannot pass for one. `mayHaveWritten`: the event
 * may have been answered by a bot whose records this Redis does not hold (a catch-up event after
 * a move to a new Redis, or a Redis that lost its data): a post without a record is then first
 * looked for among the issue's comments, as after a lost answer.
 */
export function createIssueWriter(
  deps: WriterDeps,
  repo: RepoRef,
  issue: number,
  options: { mayHaveWritten?: boolean } = {},
) {
  const place = commentPlace(repo, issue);
  const written = createWrittenStore(deps.redis);
  const ref = { repo, issue };
  let comments: Promise<Comment[]> | undefined;
  const botComments = async () => {
    comments ??= deps.gitea.listComments(repo, issue);
    return (await comments).filter((c) => c.user?.login === deps.botLogin);
  };
  const hasMarker = (body: string | undefined, kind: string, payload: string) =>
    deps.seal.read(body ?? '', kind, place).includes(payload);
  const isStatusOf = (body: string | undefined, workflow: string) =>
    deps.seal.read(body ?? '', STATE_MARKER, place).some((payload) => {
      try {
        return (JSON.parse(payload) as { workflow?: unknown }).workflow === workflow;
      } catch {
        return false;
      }
    });

  /** Writes the workflow's status comment, `body` followed by its signed state marker. */
  async function upsertStatusComment(workflow: string, text: string, marker: StatusMarker): Promise<number> {
    const body = `${text}\n\n${deps.seal.seal(STATE_MARKER, markerJson({ ...marker, workflow }), place)}`;
    const digest = bodyDigest(body);
    const cached = await written.statusComment(ref, workflow);
    const shown = (comment: Comment) => {
      const at = comment.updated_at ?? comment.created_at;
      return { body, digest, version: marker.version, ...(at ? { shownAt: toIso(at) } : {}) };
    };
    if (cached) {
      try {
        await written.expectStatus(ref, workflow, digest);
        const edited = await deps.gitea.editComment(repo, cached, body);
        await written.setStatusComment(ref, workflow, cached, shown(edited));
        return cached;
      } catch (error) {
        if (!(error instanceof GiteaError && error.status === 404)) throw error;
        await written.forgetStatusComment(ref, workflow);
        comments = undefined;
      }
    }
    const existing = (await botComments()).find((c) => isStatusOf(c.body, workflow));
    if (existing?.id) {
      let now = existing;
      if (existing.body !== body) {
        await written.expectStatus(ref, workflow, digest);
        now = await deps.gitea.editComment(repo, existing.id, body);
      }
      await written.setStatusComment(ref, workflow, existing.id, shown(now));
      return existing.id;
    }
    const created = await deps.gitea.createComment(repo, issue, body);
    await written.setStatusComment(ref, workflow, created.id ?? 0, shown(created));
    return created.id ?? 0;
  }

  /**
   * Posts a comment once per key, without reading the issue: the key is marked "writing" first,
   * then the comment is created with its signed marker, then its id is recorded. A mark without a
   * record means an earlier attempt may have posted and lost the answer: only then (or with
   * `mayHaveWritten`) are the issue's comments listed, and the signed marker tells whether it is
   * there already.
   */
  async function postOnce(kind: string, key: string, body: string): Promise<void> {
    const record = `${kind}-${key}`;
    const { written: done, fresh } = await written.startPost(ref, record);
    if (done) return;
    let id =
      fresh && !options.mayHaveWritten
        ? undefined
        : (await botComments()).find((c) => hasMarker(c.body, kind, key))?.id;
    id ??=
      (await deps.gitea.createComment(repo, issue, `${body}\n\n${deps.seal.seal(kind, key, place)}`)).id ?? 0;
    await written.recordPost(ref, record, id);
  }

  /** The id of a workflow's status comment: cached, else found by its signed marker. */
  async function statusCommentId(workflow: string): Promise<number | undefined> {
    const cached = await written.statusComment(ref, workflow);
    if (cached) return cached;
    return (await botComments()).find((c) => isStatusOf(c.body, workflow))?.id;
  }

  /**
   * Answers a command once. With `linkStatusOf`, the reply ends with a link to that workflow's
   * status comment (`statusLink`). Each of `sealed` (one line) is signed into it as an
   * ANSWER_MARKER `<toCommentId> <word>`: what rebuild reads back of the answer.
   */
  async function reply(
    toCommentId: number,
    body: string,
    linkStatusOf?: string,
    sealed: readonly string[] = [],
  ): Promise<void> {
    const id = linkStatusOf ? await statusCommentId(linkStatusOf) : undefined;
    const link = id ? statusLink(id) : '';
    const words = sealed.map(
      (word) => `\n\n${deps.seal.seal(ANSWER_MARKER, `${toCommentId} ${word}`, place)}`,
    );
    await postOnce(REPLY_MARKER, String(toCommentId), `${body}${link}${words.join('')}`);
  }
  const note = (key: string, body: string) => postOnce(NOTE_MARKER, key, body);

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

  /** Puts `label` back as the only label of its scope; whether anything had to change. */
  async function restoreStateLabel(scope: string, label: string): Promise<boolean> {
    const current = (await deps.gitea.issueLabels(repo, issue)).map((l) => l.name ?? '');
    const ofScope = current.filter((name) => name.startsWith(`${scope}/`));
    if (ofScope.length === 1 && ofScope[0] === label) return false;
    await setStateLabel(scope, label);
    return true;
  }

  /** Adds a label (created in the repo if needed) without touching the others. */
  async function addLabel(name: string): Promise<void> {
    const label = await deps.labels.ensure(repo, name);
    await deps.gitea.addLabels(repo, issue, [label.id ?? 0]);
  }

  async function setState(state: 'open' | 'closed'): Promise<void> {
    await written.markStateSet(ref);
    await deps.gitea.setIssueState(repo, issue, state);
  }

  return {
    addLabel,
    upsertStatusComment,
    reply,
    note,
    setStateLabel,
    restoreStateLabel,
    close: () => setState('closed'),
    reopen: () => setState('open'),
  };
}

export type IssueWriter = ReturnType<typeof createIssueWriter>;

/** SHA-256 (hex) of a comment body as the bot writes it and Gitea gives it back. */
export const bodyDigest = (body: string) => createHash('sha256').update(body).digest('hex');
