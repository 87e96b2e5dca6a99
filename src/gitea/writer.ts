import type { Redis } from 'ioredis';
import type { MarkerSeal } from '../domain/text/marker.js';
import { markerJson } from '../domain/text/marker-json.js';
import { NOTE_MARKER, REPLY_MARKER, STATE_MARKER, type StatusMarker } from '../engine/effects.js';
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

const statusKey = (repo: RepoRef, issue: number, workflow: string) =>
  `ob:status-comment:${repo.owner}/${repo.name}#${issue}:${workflow}`;
const postedKey = (repo: RepoRef, issue: number) => `ob:posted:${repo.owner}/${repo.name}#${issue}`;

/**
 * The line that links a workflow's status comment from a reply: `#issuecomment-ID` is the anchor
 * Gitea gives each comment on the issue page (models/issues/comment.go, `HashTag`).
 */
export const statusLink = (commentId: number) =>
  `\n\nThe full status, what is left and the workflow diagram: [the status comment](#issuecomment-${commentId}).`;

/** Where a comment marker is valid: the issue it was written in. */
export const commentPlace = (repo: RepoRef, issue: number) => `${repo.owner}/${repo.name}#${issue}`;

/**
 * Idempotent writes to one issue: the status comment is found by its marker and edited, a reply
 * carries the id of the command it answers and is never posted twice, labels are set, not toggled.
 * A marker counts only in the bot's own comments and only when its MAC verifies for this issue,
 * so text a person typed, pasted or edited in cannot pass for one.
 */
export function createIssueWriter(deps: WriterDeps, repo: RepoRef, issue: number) {
  const place = commentPlace(repo, issue);
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
    const existing = (await botComments()).find((c) => isStatusOf(c.body, workflow));
    if (existing?.id) {
      if (existing.body !== body) await deps.gitea.editComment(repo, existing.id, body);
      await deps.redis.set(key, existing.id);
      return existing.id;
    }
    const created = await deps.gitea.createComment(repo, issue, body);
    await deps.redis.set(key, created.id ?? 0);
    return created.id ?? 0;
  }

  /** Posts a comment once per key: the key is remembered in Redis and written into the comment as a signed marker. */
  async function postOnce(kind: string, key: string, body: string): Promise<void> {
    const posted = postedKey(repo, issue);
    if (await deps.redis.sismember(posted, `${kind}-${key}`)) return;
    if (!(await botComments()).some((c) => hasMarker(c.body, kind, key))) {
      await deps.gitea.createComment(repo, issue, `${body}\n\n${deps.seal.seal(kind, key, place)}`);
    }
    await deps.redis.sadd(posted, `${kind}-${key}`);
  }

  /** The id of a workflow's status comment: cached, else found by its signed marker. */
  async function statusCommentId(workflow: string): Promise<number | undefined> {
    const cached = Number(await deps.redis.get(statusKey(repo, issue, workflow)));
    if (cached) return cached;
    return (await botComments()).find((c) => isStatusOf(c.body, workflow))?.id;
  }

  /**
   * Answers a command once. With `linkStatusOf`, the reply ends with a link to that workflow's
   * status comment (`statusLink`).
   */
  async function reply(toCommentId: number, body: string, linkStatusOf?: string): Promise<void> {
    const id = linkStatusOf ? await statusCommentId(linkStatusOf) : undefined;
    const link = id ? statusLink(id) : '';
    await postOnce(REPLY_MARKER, String(toCommentId), `${body}${link}`);
  }
  const note = (key: string, body: string) => postOnce(NOTE_MARKER, key, body);

  /** Puts `label` on the issue and removes every other label of its scope. */
  async function setStateLabel(scope: string, label: string): Promise<void> {
    const wanted = await deps.labels.ensure(repo, label);
    const current = await deps.gitea.issueLabels(repo, issue);
    for (const other of current) {
      if (other.name !== label && other.name?.startsWith(`${scope}/`) && other.id) {
        await deps.gitea.removeLabel(repo, issue, other.id);
      }
    }
    if (!current.some((l) => l.name === label)) await deps.gitea.addLabels(repo, issue, [wanted.id ?? 0]);
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

  return {
    addLabel,
    upsertStatusComment,
    reply,
    note,
    setStateLabel,
    restoreStateLabel,
    close: () => deps.gitea.setIssueState(repo, issue, 'closed'),
    reopen: () => deps.gitea.setIssueState(repo, issue, 'open'),
  };
}

export type IssueWriter = ReturnType<typeof createIssueWriter>;
