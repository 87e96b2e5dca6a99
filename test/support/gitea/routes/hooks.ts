import { atLeast } from '../access.js';
import { deliver, testPushPayload } from '../hook-delivery.js';
import { checkboxesFor, eventsArray } from '../hook-events.js';
import type { HookRecord } from '../records.js';
import { DEFAULT_BRANCH } from '../repo-files.js';
import {
  created,
  forbidden,
  noContent,
  notFound,
  ok,
  type RouteResult,
  unprocessable,
} from '../route-result.js';
import type { Route, RouteContext } from './route.js';
import { inRepo } from './scopes.js';

interface HookOption {
  type?: string;
  config?: Record<string, string>;
  events?: string[];
  active?: boolean;
  branch_filter?: string;
  authorization_header?: string;
}

const CONTENT_TYPES: Record<string, HookRecord['contentType']> = { json: 'json', form: 'form' };

/** `ToHook` (services/webhook/general.go): the secret is never shown. */
function toApiHook(hook: HookRecord) {
  return {
    id: hook.id,
    type: hook.type,
    branch_filter: hook.branchFilter,
    config: { content_type: hook.contentType, url: hook.url },
    events: eventsArray(hook.events),
    authorization_header: hook.authorizationHeader,
    active: hook.active,
    updated_at: hook.updated,
    created_at: hook.created,
  };
}

/** Hooks need repo admin (api.go: the `/hooks` group has `reqAdmin()`). */
function asAdmin(context: RouteContext, handle: (repoId: number) => RouteResult): RouteResult {
  return inRepo(context, ({ repo, mode }) => {
    if (!context.doer.isAdmin && !atLeast(mode, 'admin'))
      return forbidden(
        context.site,
        'user should be an owner or a collaborator with admin write of a repository',
      );
    return handle(repo.id);
  });
}

function findHook(context: RouteContext, repoId: number): HookRecord | undefined {
  const id = Number(context.params.id);
  return context.state.hooks.find((hook) => hook.repoId === repoId && hook.id === id);
}

export const hookRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/hooks',
    handle: (context) =>
      asAdmin(context, (repoId) => ok(context.state.hooks.filter((h) => h.repoId === repoId).map(toApiHook))),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/hooks/{id}',
    handle: (context) =>
      asAdmin(context, (repoId) => {
        const hook = findHook(context, repoId);
        return hook ? ok(toApiHook(hook)) : notFound(context.site);
      }),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/hooks',
    handle: (context) =>
      asAdmin(context, (repoId) => {
        const form = context.body as HookOption;
        // checkCreateHookOption (routers/api/v1/utils/hook.go)
        if (!form.config?.url || !form.config.content_type)
          return unprocessable(
            context.site,
            `Missing config option: ${form.config?.url ? 'content_type' : 'url'}`,
          );
        const contentType = CONTENT_TYPES[form.config.content_type];
        if (!contentType) return unprocessable(context.site, 'Invalid content type');
        const hook: HookRecord = {
          id: context.state.ids.hook.take(),
          repoId,
          type: form.type ?? 'gitea',
          url: form.config.url,
          contentType,
          secret: form.config.secret ?? '',
          events: checkboxesFor(form.events),
          active: form.active ?? false,
          branchFilter: form.branch_filter ?? '',
          authorizationHeader: form.authorization_header ?? '',
          created: context.now(),
          updated: context.now(),
        };
        context.state.hooks.push(hook);
        return created(toApiHook(hook));
      }),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/hooks/{id}',
    handle: (context) =>
      asAdmin(context, (repoId) => {
        const hook = findHook(context, repoId);
        if (!hook) return notFound(context.site);
        const form = context.body as HookOption;
        const config = form.config ?? {};
        if (config.content_type !== undefined) {
          const contentType = CONTENT_TYPES[config.content_type];
          if (!contentType) return unprocessable(context.site, 'Invalid content type');
          hook.contentType = contentType;
        }
        if (config.url !== undefined) hook.url = config.url;
        if (config.secret !== undefined) hook.secret = config.secret;
        // editHook always rewrites the events (none given means push) and the branch filter.
        hook.events = checkboxesFor(form.events);
        hook.branchFilter = form.branch_filter ?? '';
        hook.authorizationHeader = form.authorization_header ?? '';
        if (form.active !== undefined) hook.active = form.active;
        hook.updated = context.now();
        return ok(toApiHook(hook));
      }),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/hooks/{id}/tests',
    handle: (context) =>
      asAdmin(context, (repoId) => {
        const repo = context.state.repoById(repoId);
        const branch = DEFAULT_BRANCH;
        const head = context.state.branch(repoId, branch);
        // routers/api/v1/repo/hook.go TestHook: "if repo does not have any commits, then don't send a webhook".
        if (!head) return noContent();
        const hook = findHook(context, repoId);
        if (!hook) return notFound(context.site);
        // services/webhook/webhook.go PrepareWebhook (1.22): a hook without the push checkbox
        // (or inactive, or whose branch filter excludes the branch) silently gets nothing.
        const filtered =
          hook.branchFilter !== '' && hook.branchFilter !== '*' && hook.branchFilter !== branch;
        if (hook.active && hook.events.has('push') && !filtered) {
          const payload = testPushPayload(repo, branch, head, context.doer.login, context.represent);
          context.state.deliveries.push(deliver(hook, 'push', 'push', payload));
        }
        return noContent();
      }),
  },
];
