import type { Comment, Issue } from 'gitea-js';
import type { BotEvent } from '../gitea/event.js';

export type TimelineEntry = {
  type?: string;
  user?: { login?: string; id?: number };
  created_at?: string;
  id?: number;
  label?: { name?: string } | null;
};

/** Scopes only the bot sets: their labels were not on the issue when a person opened it. */
const BOT_SCOPES = ['onboarding/', 'alert/', 'exit/', 'payroll/'];

const iso = (time: string | undefined) => new Date(time ?? 0).toISOString();

/**
 * The events one issue's Gitea history stands for, in time order: its opening (with its current
 * body and the labels people gave it — not those the bot set), each comment by a person, and each
 * close/reopen by a person.
 * What the bot wrote itself is skipped, except the issues it opened (payroll, terminations).
 */
export function historyEvents(
  repo: string,
  issue: Issue,
  comments: readonly Comment[],
  timeline: readonly TimelineEntry[],
  botLogin: string,
): BotEvent[] {
  const bot = botLogin.toLowerCase();
  const author = issue.user?.login ?? '';
  // People are their Gitea user id (the API gives it on every user it answers).
  const authorId = issue.user?.id;
  // Issues the bot opened carry their trigger label from the start.
  const openedByBot = author.toLowerCase() === bot;
  const addedByBot = new Set(
    timeline
      .filter((entry) => !openedByBot && entry.type === 'label' && entry.user?.login?.toLowerCase() === bot)
      .map((entry) => entry.label?.name ?? ''),
  );
  const openingLabels = (issue.labels ?? [])
    .map((label) => label.name ?? '')
    .filter((name) => !addedByBot.has(name) && !BOT_SCOPES.some((scope) => name.startsWith(scope)));
  const snapshot: BotEvent['issue'] = {
    number: issue.number ?? 0,
    id: issue.id ?? 0,
    title: issue.title ?? '',
    body: issue.body ?? '',
    author,
    ...(authorId === undefined ? {} : { authorId }),
    state: 'open',
    labels: openingLabels,
    assignees: (issue.assignees ?? []).map((user) => user.login ?? ''),
    createdAt: iso(issue.created_at),
    isPull: false,
    ...(issue.html_url ? { url: issue.html_url } : {}),
  };
  const events: BotEvent[] = [
    {
      kind: 'issue.opened',
      repo,
      issue: snapshot,
      actor: author,
      ...(authorId === undefined ? {} : { actorId: authorId }),
      at: snapshot.createdAt,
      ...(author.toLowerCase() === bot ? { internal: true } : {}),
    },
  ];
  for (const comment of comments) {
    const login = comment.user?.login ?? '';
    if (login.toLowerCase() === bot || comment.id === undefined) continue;
    const at = iso(comment.created_at);
    events.push({
      kind: 'comment.created',
      repo,
      issue: snapshot,
      actor: login,
      ...withActorId(comment.user),
      at,
      comment: { id: comment.id, body: comment.body ?? '', createdAt: at },
    });
  }
  for (const entry of timeline) {
    const login = entry.user?.login ?? '';
    if ((entry.type !== 'close' && entry.type !== 'reopen') || login.toLowerCase() === bot) continue;
    const kind = entry.type === 'close' ? 'issue.closed' : 'issue.reopened';
    const state = entry.type === 'close' ? 'closed' : 'open';
    events.push({
      kind,
      repo,
      issue: { ...snapshot, state },
      actor: login,
      ...withActorId(entry.user),
      at: iso(entry.created_at),
    });
  }
  return events.sort(byTime);
}

const withActorId = (user: { id?: number } | undefined) =>
  user?.id === undefined ? {} : { actorId: user.id };

/**
 * Event-time order; at the same instant (Gitea keeps seconds), openings first, in the order the
 * issues were created (their ids: Gitea numbers issues of every repo in one sequence), as the
 * live bot got their deliveries — not in the order the repo lists them (newest first) — then
 * comments by id.
 */
export function byTime(a: BotEvent, b: BotEvent): number {
  const opened = (event: BotEvent) => event.kind === 'issue.opened';
  return (
    a.at.localeCompare(b.at) ||
    Number(opened(b)) - Number(opened(a)) ||
    (opened(a) && opened(b) ? a.issue.id - b.issue.id : 0) ||
    (a.comment?.id ?? 0) - (b.comment?.id ?? 0)
  );
}
