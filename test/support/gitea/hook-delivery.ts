import { createHmac, randomUUID } from 'node:crypto';
import { goIndentedJson } from './go-json.js';
import type { CommitRecord, HookDeliveryRecord, HookRecord, RepoRecord } from './records.js';
import type { RepresentContext } from './represent/context.js';
import { toApiRepository } from './represent/repository.js';
import { toApiUserByLogin } from './represent/user.js';

/**
 * Sends one delivery as Gitea's deliverer does (services/webhook/deliver.go): POST, the payload
 * as indented JSON (or `payload=` form-encoded, signed over the JSON), the `X-Gitea-*`,
 * `X-Gogs-*`, `X-GitHub-*` headers and HMAC-SHA256 signatures of the body with the hook's secret
 * (empty when it has none). Asynchronous like Gitea's hook queue: the API answers first.
 */
export function deliver(
  hook: HookRecord,
  event: string,
  eventType: string,
  payload: unknown,
): HookDeliveryRecord {
  const uuid = randomUUID();
  const json = goIndentedJson(payload);
  const signature = hook.secret ? createHmac('sha256', hook.secret).update(json).digest('hex') : '';
  const sha1 = hook.secret ? createHmac('sha1', hook.secret).update(json).digest('hex') : '';
  const headers: Record<string, string> = {
    'Content-Type': hook.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    'User-Agent': 'Go-http-client/1.1',
    'X-Gitea-Delivery': uuid,
    'X-Gitea-Event': event,
    'X-Gitea-Event-Type': eventType,
    'X-Gitea-Signature': signature,
    'X-Gogs-Delivery': uuid,
    'X-Gogs-Event': event,
    'X-Gogs-Event-Type': eventType,
    'X-Gogs-Signature': signature,
    'X-Hub-Signature': `sha1=${sha1}`,
    'X-Hub-Signature-256': `sha256=${signature}`,
    'X-GitHub-Delivery': uuid,
    'X-GitHub-Event': event,
    'X-GitHub-Event-Type': eventType,
  };
  if (hook.authorizationHeader) headers.Authorization = hook.authorizationHeader;
  const body = hook.contentType === 'json' ? json : `payload=${encodeURIComponent(json)}`;
  const record: HookDeliveryRecord = {
    hookId: hook.id,
    uuid,
    event,
    eventType,
    status: 0,
    done: Promise.resolve(),
  };
  record.done = Promise.resolve()
    .then(() =>
      globalThis.fetch(hook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) }),
    )
    .then(
      async (response) => {
        record.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      },
      () => {
        record.status = 0;
      },
    );
  return record;
}

/** The `push` payload of the API's test delivery (routers/api/v1/repo/hook.go, `TestHook`). */
export function testPushPayload(
  repo: RepoRecord,
  branch: string,
  head: CommitRecord,
  doer: string,
  context: RepresentContext,
): unknown {
  const repoUrl = `${context.site.appUrl}${repo.owner}/${repo.name}`;
  const commit = {
    id: head.sha,
    message: head.message,
    url: `${repoUrl}/commit/${head.sha}`,
    author: { name: head.author, email: `${head.author.toLowerCase()}@example.com`, username: head.author },
    committer: {
      name: head.author,
      email: `${head.author.toLowerCase()}@example.com`,
      username: head.author,
    },
    verification: null,
    timestamp: head.created,
    added: [],
    removed: [],
    modified: [],
  };
  const user = toApiUserByLogin(doer, { ...context, doer: null }, 'public');
  return {
    ref: `refs/heads/${branch}`,
    before: head.sha,
    after: head.sha,
    compare_url: `${repoUrl}/compare/${head.sha}...${head.sha}`,
    commits: [commit],
    total_commits: 1,
    head_commit: commit,
    repository: toApiRepository(repo, context, 'none'),
    pusher: user,
    sender: user,
  };
}
