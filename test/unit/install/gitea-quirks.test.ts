import { createHmac } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../../src/gitea/normalize.js';
import { createGiteaAdmin } from '../../../src/install/gitea-admin.js';
import { HOOK_EVENTS, HOOK_EVENTS_LISTED } from '../../../src/install/webhook-step.js';
import { useFakeGitea } from '../../support/gitea/vitest.js';

const received: { headers: Headers; body: string }[] = [];
const gitea = useFakeGitea({}, [
  http.post('http://bot.test/webhooks/gitea', async ({ request }) => {
    received.push({ headers: request.headers, body: await request.text() });
    return new HttpResponse(null, { status: 204 });
  }),
]);
const repo = { owner: 'fleet', name: 'program' };
const admin = () => createGiteaAdmin({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 2_000 });
const hookWith = (events: string[], secret = 's3cret') =>
  admin().createHook(repo, {
    type: 'gitea',
    config: { url: 'http://bot.test/webhooks/gitea', content_type: 'json', secret },
    events,
    active: true,
  });

describe('the emulator answers as Gitea 1.22 does (routers/api/v1)', () => {
  it('refuses a call outside the token scopes with 403 naming the scope; write includes read', async () => {
    const g = gitea();
    g.addRepo('fleet/program');
    g.setTokenScopes(['write:issue']);
    await expect(admin().labels(repo)).resolves.toEqual([]);
    await expect(admin().hooks(repo)).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining(
        'token does not have at least one of required scope(s): [read:repository]',
      ),
    });
    await expect(admin().currentUser()).rejects.toMatchObject({ status: 403 });
  });

  it('turns `issues` into every issue box and `issues_only` into the Issues box alone, and lists them back by box', async () => {
    gitea().addRepo('fleet/program');
    expect((await hookWith(['issues'])).events).toEqual([
      'issues',
      'issue_assign',
      'issue_label',
      'issue_milestone',
      'issue_comment',
    ]);
    expect((await hookWith(['issues_only'])).events).toEqual(['issues']);
    expect((await hookWith([])).events).toEqual(['push']);
    expect((await hookWith(HOOK_EVENTS)).events).toEqual(HOOK_EVENTS_LISTED);
  });

  it('sends no test delivery for a repository without commits, nor for a hook without the push box', async () => {
    const g = gitea();
    g.addRepo('fleet/program');
    received.length = 0;
    const issuesOnly = await hookWith(['issues_only']);
    await admin().testHook(repo, issuesOnly.id ?? 0);
    const withPush = await hookWith(HOOK_EVENTS);
    await admin().testHook(repo, withPush.id ?? 0);
    expect(g.deliveries).toEqual([]);
    g.commitFiles('fleet/program', { 'README.md': 'hi' });
    await admin().testHook(repo, issuesOnly.id ?? 0);
    expect(g.deliveries).toEqual([]);
    await admin().testHook(repo, withPush.id ?? 0);
    await g.settled();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery?.headers.get('x-gitea-event-type')).toBe('push');
    const signature = createHmac('sha256', 's3cret')
      .update(delivery?.body ?? '')
      .digest('hex');
    expect(delivery?.headers.get('x-gitea-signature')).toBe(signature);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      ref: 'refs/heads/main',
      repository: { full_name: 'fleet/program' },
    });
    expect(g.deliveries[0]?.status).toBe(204);
  });

  it('never shows a hook secret', async () => {
    gitea().addRepo('fleet/program');
    const hook = await hookWith(['push']);
    expect(JSON.stringify(hook)).not.toContain('s3cret');
    expect(gitea().hooks('fleet/program')[0]?.secret).toBe('s3cret');
  });
});

describe('the bot reads the events its hook asks for', () => {
  it('a pull_request_sync delivery (new commits) is a pull request update; a push is not acted on', () => {
    const pull = {
      action: 'synchronized',
      number: 4,
      pull_request: {
        id: 1004,
        number: 4,
        user: { id: 2, login: 'bob' },
        title: 'Fleet dispatcher',
        body: '',
        state: 'open',
        html_url: 'http://gitea.test/fleet/program/pulls/4',
        head: { label: 'f', ref: 'f', sha: 'c'.repeat(40), repo_id: 11 },
        base: { label: 'main', ref: 'main', sha: 'b'.repeat(40), repo_id: 11 },
        created_at: '2026-11-25T10:00:00Z',
        updated_at: '2026-11-25T10:05:00Z',
      },
      repository: { id: 11, full_name: 'fleet/program', name: 'program', owner: { id: 1, login: 'fleet' } },
      sender: { id: 2, login: 'bob' },
    };
    const normalized = normalizeDelivery('pull_request_sync', pull);
    expect(normalized).toMatchObject({
      outcome: 'event',
      event: { kind: 'pull.updated', pull: { headSha: 'c'.repeat(40) } },
    });
    expect(normalizeDelivery('push', { ref: 'refs/heads/main' })).toMatchObject({ outcome: 'unsupported' });
  });
});
