import type { Redis } from 'ioredis';
import type { BotEvent } from '../gitea/event.js';
import { issueKey, keySpace } from './keys.js';

const key = (repo: string, issue: number) => `ob:issue-changed:${issueKey(repo.toLowerCase(), issue)}`;

/** The key under which an issue's latest change is kept (one per issue, any letter case of `repo`). */
export const changedKeyOf = (event: Pick<BotEvent, 'repo' | 'issue'>) => key(event.repo, event.issue.number);

/** An issue change to note: its key below and its Gitea time in ms. */
export type IssueChange = readonly [key: string, atMs: number];

/** The change an `issue.*` event is (its issue's key, its `at` in ms); undefined for any other event. */
export function changeOf(event: BotEvent): IssueChange | undefined {
  if (!event.kind.startsWith('issue.')) return undefined;
  const at = Date.parse(event.at);
  return Number.isFinite(at) ? [changedKeyOf(event), at] : undefined;
}

/**
 * Lua that raises `count` keys from KEYS[keyFrom] to the times from ARGV[argFrom] (ms), never
 * lowering one (each argument a Lua expression); shared with the intake's accept script
 * (src/queue/intake-log.ts), which notes the changes in the same write as the deliveries.
 */
export const raiseChangesLua = (keyFrom: string, count: string, argFrom: string) => `
for c = 0, (${count}) - 1 do
  local k = KEYS[(${keyFrom}) + c]
  local t = ARGV[(${argFrom}) + c]
  local stored = tonumber(redis.call('GET', k) or '-1')
  if tonumber(t) > stored then redis.call('SET', k, t) end
end
`;

export const issueChangedKeys = keySpace({
  store: 'issue-changed (the latest change of each issue the intake was told of)',
  patterns: ['ob:issue-changed:*'],
  derived: false,
  kept: "Gitea's lists do not say which deliveries reached the bot in which order; without it, a comment delivery that arrives after a later change of its issue would be decided on the issue as it was before that change",
});

const RAISE_LUA = `${raiseChangesLua('1', '#KEYS', '1')}
return 1`;

/**
 * When each issue last changed, as far as the intake was told: the Gitea time (`at`, the issue's
 * `updated_at`) of the newest `issue.*` event it was handed for the issue, whoever made the change
 * (a person, the bot itself) and whether or not a workflow acts on it. A close, reopen, label or
 * assignee change writes a timeline comment, which sets the issue's `updated_unix` before the
 * delivery is built (models/issues/comment.go updateCommentInfos), so `at` is the change's time.
 *
 * Why: a comment's delivery holds the issue as Gitea had it when the comment was saved
 * (services/webhook/notifier.go CreateIssueComment), and Gitea sends deliveries from a queue
 * with up to 10 workers (modules/setting/queue.go MaxWorkers) or, for a failed one, when a person
 * presses Replay: a comment delivery can arrive after the delivery of a later change of its
 * issue, which was handled on the issue read from Gitea. Such a comment is decided on the issue
 * read again (src/worker/handle-event.ts, needsRead).
 */
export function createIssueChanged(redis: Redis) {
  return {
    /** Notes changes (changeOf) in one call. Throws when Redis does. */
    noteAll: async (changes: readonly IssueChange[]): Promise<void> => {
      if (changes.length === 0) return;
      await redis.eval(RAISE_LUA, changes.length, ...changes.map(([k]) => k), ...changes.map(([, at]) => at));
    },
    /**
     * Whether the issue changed at `at` (ISO time) or later as far as the intake knows. Gitea's
     * times are whole seconds: a change in the same second may be the later one, so it counts.
     */
    since: async (repo: string, issue: number, at: string): Promise<boolean> => {
      const stored = await redis.get(key(repo, issue));
      return stored !== null && Number(stored) >= Date.parse(at);
    },
  };
}

export type IssueChanged = ReturnType<typeof createIssueChanged>;
