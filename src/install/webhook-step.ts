import type { Hook } from 'gitea-js';
import type { RepoRef } from '../gitea/client.js';
import type { Item } from './checklist.js';
import type { GiteaAdmin } from './gitea-admin.js';

/**
 * The hook's events as Gitea 1.22's API takes them (routers/api/v1/utils/hook.go): each of
 * Gitea's checkboxes by name (`issues_only` is the Issues box alone; `issues` would tick every
 * issue box). The bot reads issue, label, assignee and comment events, pull requests and their
 * new commits (quality checks) and pull-request comments (commands). `push` is there because
 * Gitea 1.22 sends its test delivery as a push and drops it for a hook without the push box
 * (services/webhook/webhook.go PrepareWebhook); the bot answers pushes 204.
 */
export const HOOK_EVENTS = [
  'push',
  'issues_only',
  'issue_assign',
  'issue_label',
  'issue_comment',
  'pull_request_only',
  'pull_request_sync',
  'pull_request_comment',
];

/** The same events as Gitea lists them back (`EventsArray`, models/webhook/webhook.go). */
export const HOOK_EVENTS_LISTED = [
  'push',
  'issues',
  'issue_assign',
  'issue_label',
  'issue_comment',
  'pull_request',
  'pull_request_comment',
  'pull_request_review_comment',
  'pull_request_sync',
];

export type WebhookTarget = { url: string; secret: string; setSecret: boolean; dryRun: boolean };

/** Which settings of an existing hook differ from what the bot needs. */
export function hookDifferences(hook: Hook): string[] {
  const differences: string[] = [];
  if (hook.config?.content_type !== 'json') differences.push('content type');
  const events = new Set(hook.events ?? []);
  if (events.size !== HOOK_EVENTS_LISTED.length || HOOK_EVENTS_LISTED.some((event) => !events.has(event)))
    differences.push('events');
  if (!hook.active) differences.push('active');
  if (!['', '*'].includes(hook.branch_filter ?? '')) differences.push('branch filter');
  return differences;
}

/** Creates the bot's webhook (found by its URL) or corrects it; returns its id (undefined in a dry run that would create it). */
export async function ensureWebhook(
  admin: GiteaAdmin,
  repo: RepoRef,
  target: WebhookTarget,
): Promise<{ items: Item[]; hookId?: number }> {
  const hooks = await admin.hooks(repo);
  const existing = hooks.find((hook) => hook.config?.url === target.url);
  const stale = staleHooks(hooks, target.url);
  const withStale = (result: { items: Item[]; hookId?: number }) => ({
    ...result,
    items: [...result.items, ...stale],
  });
  return withStale(await ensureOne(admin, repo, target, existing));
}

/**
 * Other hooks of the repo that also point at a bot's webhook path (an earlier PUBLIC_URL, most
 * likely): left to a person, since init cannot tell an old address from another bot.
 */
function staleHooks(hooks: readonly Hook[], url: string): Item[] {
  const path = new URL(url).pathname;
  return hooks
    .filter((hook) => hook.config?.url && hook.config.url !== url && hook.config.url.endsWith(path))
    .map((hook) => ({
      status: 'left' as const,
      text: `another webhook (#${hook.id}) also points at a bot: ${hook.config?.url} — if it is an old address of this bot, delete it in Gitea (Settings → Webhooks)`,
    }));
}

async function ensureOne(
  admin: GiteaAdmin,
  repo: RepoRef,
  target: WebhookTarget,
  existing: Hook | undefined,
): Promise<{ items: Item[]; hookId?: number }> {
  const settings = {
    config: { url: target.url, content_type: 'json', ...(target.setSecret ? { secret: target.secret } : {}) },
    events: HOOK_EVENTS,
    active: true,
    branch_filter: '*',
  };
  const listed = HOOK_EVENTS_LISTED.join(', ');
  if (!existing) {
    if (target.dryRun)
      return { items: [{ status: 'would', text: `would create the webhook → ${target.url}` }] };
    const created = await admin.createHook(repo, {
      type: 'gitea',
      ...settings,
      config: { ...settings.config, secret: target.secret },
    });
    return {
      items: [{ status: 'changed', text: `created the webhook → ${target.url} (JSON, events: ${listed})` }],
      hookId: created.id,
    };
  }
  const differences = hookDifferences(existing);
  if (target.setSecret) differences.push('secret');
  if (differences.length === 0)
    return {
      items: [{ status: 'same', text: `the webhook → ${target.url} is already right` }],
      hookId: existing.id,
    };
  if (!target.dryRun) await admin.editHook(repo, existing.id ?? 0, settings);
  return {
    items: [
      {
        status: target.dryRun ? 'would' : 'changed',
        text: `${target.dryRun ? 'would update' : 'updated'} the webhook → ${target.url} (${differences.join(', ')})`,
      },
    ],
    hookId: existing.id,
  };
}

/** Sets only the hook's secret (after the bot refused a test delivery's signature). */
export async function setHookSecret(
  admin: GiteaAdmin,
  repo: RepoRef,
  hookId: number,
  url: string,
  secret: string,
) {
  await admin.editHook(repo, hookId, {
    config: { url, content_type: 'json', secret },
    events: HOOK_EVENTS,
    active: true,
    branch_filter: '*',
  });
}

/**
 * What is wrong with the bot's webhook on `repo` (for /readyz): none pointing at `url` (or, without
 * PUBLIC_URL, at any `…/webhooks/gitea`), or one whose settings differ. Undefined when right.
 */
export async function webhookProblem(admin: GiteaAdmin, repo: RepoRef, url: string | undefined) {
  const hooks = await admin.hooks(repo);
  const hook = hooks.find((h) =>
    url ? h.config?.url === url : (h.config?.url ?? '').endsWith('/webhooks/gitea'),
  );
  const where = `${repo.owner}/${repo.name}`;
  if (!hook) return `${where} has no webhook to ${url ?? '…/webhooks/gitea'}: run operator-bot init`;
  const differences = hookDifferences(hook);
  return differences.length > 0
    ? `the webhook of ${where} → ${hook.config?.url} differs in ${differences.join(', ')}: Gitea will not send what the bot needs — run operator-bot init`
    : undefined;
}
