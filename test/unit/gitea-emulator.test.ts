import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { verify } from '@octokit/webhooks-methods';
import { giteaApi } from 'gitea-js';
import { describe, expect, it } from 'vitest';
import {
  commentPayload,
  DELIVERY_FIXTURES,
  type DeliveryPayload,
  deliveryEvent,
  issueLabelPayload,
  issuePayload,
  loadDelivery,
  signDelivery,
} from '../support/deliveries.js';
import { responseProblems } from '../support/gitea/contract/contract-check.js';
import { findOperation } from '../support/gitea/contract/operations.js';
import { schemaProblems } from '../support/gitea/contract/schema-check.js';
import { giteaSpec } from '../support/gitea/contract/swagger.js';
import { goIndentedJson } from '../support/gitea/go-json.js';
import { useFakeGitea } from '../support/gitea/vitest.js';

const gitea = useFakeGitea();
const api = giteaApi('http://gitea.test', { token: 'test-token' });
const REPO = 'fleet/program';
const COMMENTS = '/repos/{owner}/{repo}/issues/{index}/comments';

function seedApplication(labels: string[] = ['operator-application']) {
  gitea().addRepo(REPO);
  return gitea().addIssue(REPO, {
    number: 7,
    title: 'Operator application: alice',
    body: 'form',
    user: 'alice',
    labels,
  });
}

function giteaFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://gitea.test/api/v1${path}`, {
    ...init,
    headers: { Authorization: 'token test-token', 'Content-Type': 'application/json', ...init.headers },
  });
}

function takeViolations() {
  return gitea().violations.splice(0);
}

async function retried<T>(attempt: () => Promise<T>, tries: number): Promise<T> {
  let failure: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await attempt();
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function definitionKeys(name: string): string[] {
  return Object.keys(giteaSpec.definitions[name]?.properties ?? {}).sort();
}

describe('fake Gitea through gitea-js', () => {
  it('knows the bot and the server version', async () => {
    const { data: me } = await api.user.userGetCurrent();
    const { data: version } = await api.version.getVersion();
    expect(me).toMatchObject({ login: 'operator-bot', username: 'operator-bot', active: true });
    expect(version.version).toBe('1.22.6');
  });

  it('creates, lists and edits comments like Gitea', async () => {
    seedApplication();
    gitea().addComment(REPO, 7, { user: 'alice', body: '/status' });

    const { status, data: posted } = await api.repos.issueCreateComment('fleet', 'program', 7, {
      body: 'Hello',
    });
    expect(status).toBe(201);
    expect(posted).toMatchObject({
      body: 'Hello',
      user: { login: 'operator-bot' },
      issue_url: 'http://gitea.test/fleet/program/issues/7',
      html_url: `http://gitea.test/fleet/program/issues/7#issuecomment-${posted.id}`,
    });

    const edited = await api.repos.issueEditComment('fleet', 'program', posted.id as number, {
      body: 'Hello again',
    });
    expect(edited.status).toBe(200);
    expect(edited.data.body).toBe('Hello again');

    const { data: listed } = await api.repos.issueGetComments('fleet', 'program', 7);
    expect(listed.map((comment) => comment.body)).toEqual(['/status', 'Hello again']);
    expect(
      gitea()
        .comments(REPO, 7)
        .map((comment) => comment.body),
    ).toEqual(['/status', 'Hello again']);
    expect(gitea().issue(REPO, 7)?.comments).toBe(2);
    expect(gitea().requestsTo('POST', COMMENTS)).toHaveLength(1);

    await expect(
      api.repos.issueEditComment('fleet', 'program', 999_999, { body: 'x' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const deleted = await api.repos.issueDeleteComment('fleet', 'program', posted.id as number);
    expect(deleted.status).toBe(204);
    expect(deleted.data).toBeNull();
  });

  it('creates and pages repository labels, accepting duplicate names as Gitea does', async () => {
    gitea().addRepo(REPO);
    const first = await api.repos.issueCreateLabel('fleet', 'program', {
      name: 'onboarding/screening',
      color: '#FBCA04',
      description: 'Application under review',
      exclusive: true,
    });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ name: 'onboarding/screening', color: 'fbca04', exclusive: true });
    const again = await api.repos.issueCreateLabel('fleet', 'program', {
      name: 'onboarding/screening',
      color: '#fbca04',
    });
    expect(again.status).toBe(201);
    expect(again.data.id).not.toBe(first.data.id);

    for (let i = 0; i < 53; i++) gitea().addLabel(REPO, { name: `extra-${String(i).padStart(2, '0')}` });
    const page1 = await api.repos.issueListLabels('fleet', 'program');
    expect(page1.data).toHaveLength(30);
    expect(page1.headers.get('X-Total-Count')).toBe('55');
    const page2 = await api.repos.issueListLabels('fleet', 'program', { page: 2, limit: 30 });
    expect(page2.data).toHaveLength(25);
    const capped = await api.repos.issueListLabels('fleet', 'program', { limit: 100 });
    expect(capped.data).toHaveLength(50);
    expect(
      gitea()
        .repoLabels(REPO)
        .map((label) => label.name),
    ).toContain('onboarding/screening');

    await expect(
      api.repos.issueCreateLabel('fleet', 'program', { name: 'bad', color: 'red' }),
    ).rejects.toMatchObject({
      status: 422,
    });
  });

  it('keeps one label per exclusive scope and answers with the issue labels', async () => {
    seedApplication();
    const screening = gitea().addLabel(REPO, { name: 'onboarding/screening', exclusive: true });
    const training = gitea().addLabel(REPO, { name: 'onboarding/training', exclusive: true });
    gitea().addLabel(REPO, { name: 'severity/critical', exclusive: false });

    const added = await api.repos.issueAddLabel('fleet', 'program', 7, { labels: [screening.id] });
    expect(added.status).toBe(200);
    expect(added.data.map((label) => label.name)).toEqual(['onboarding/screening', 'operator-application']);

    await api.repos.issueAddLabel('fleet', 'program', 7, {
      labels: ['onboarding/training', 'no-such-label'],
    });
    expect(gitea().issueLabels(REPO, 7)).toEqual(['onboarding/training', 'operator-application']);

    const replaced = await api.repos.issueReplaceLabels('fleet', 'program', 7, {
      labels: ['operator-application', 'onboarding/screening', 'onboarding/training'],
    });
    expect(replaced.data.map((label) => label.name)).toEqual(['onboarding/training', 'operator-application']);

    const removed = await api.repos.issueRemoveLabel('fleet', 'program', 7, training.id);
    expect(removed.status).toBe(204);
    expect(gitea().issueLabels(REPO, 7)).toEqual(['operator-application']);

    await expect(
      api.repos.issueAddLabel('fleet', 'program', 7, { labels: [screening.id, 'onboarding/training'] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(api.repos.issueRemoveLabel('fleet', 'program', 7, 987_654)).rejects.toMatchObject({
      status: 422,
    });

    await api.repos.issueClearLabels('fleet', 'program', 7);
    expect(gitea().issueLabels(REPO, 7)).toEqual([]);

    const labelEvents = gitea()
      .timeline(REPO, 7)
      .filter((event) => event.type === 'label' && event.user.login === 'operator-bot');
    expect(labelEvents.map((event) => [event.label?.name, event.body])).toContainEqual([
      'onboarding/screening',
      '',
    ]);
    const { data: timeline } = await api.repos.issueGetCommentsAndTimeline('fleet', 'program', 7);
    expect(timeline.some((event) => event.type === 'label')).toBe(true);
  });

  // routers/api/v1/repo/issue_comment.go ListIssueCommentsAndTimeline answers any error of
  // GetIssueByIndex with a 500, a deleted issue's too (the issue itself reads 404).
  it("answers 500 for a missing issue's timeline, 404 for the issue", async () => {
    seedApplication();
    gitea().deleteIssue(REPO, 7);
    await expect(api.repos.issueGetCommentsAndTimeline('fleet', 'program', 7)).rejects.toMatchObject({
      status: 500,
    });
    await expect(api.repos.issueGetIssue('fleet', 'program', 7)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses label writes when the bot may only read', async () => {
    seedApplication();
    gitea().setPermission(REPO, 'operator-bot', 'read');
    await expect(
      api.repos.issueAddLabel('fleet', 'program', 7, { labels: ['operator-application'] }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('lists issues with filters, paging headers and newest first', async () => {
    gitea().addRepo(REPO);
    for (let n = 1; n <= 35; n++) {
      gitea().addIssue(REPO, { title: `Application ${n}`, user: 'alice', labels: ['operator-application'] });
    }
    gitea().addIssue(REPO, { title: 'Alert', user: 'maint', labels: ['operator-alert'] });
    gitea().addIssue(REPO, {
      title: 'Old',
      user: 'alice',
      labels: ['operator-application'],
      state: 'closed',
    });
    gitea().addIssue(REPO, { title: 'A pull', user: 'alice', isPull: true });

    const page = await api.repos.issueListIssues('fleet', 'program', {
      state: 'open',
      labels: 'operator-application',
      type: 'issues',
      page: 1,
      limit: 10,
    });
    expect(page.data).toHaveLength(10);
    expect(page.data[0]?.number).toBe(35);
    expect(page.headers.get('X-Total-Count')).toBe('35');
    const link = page.headers.get('Link') ?? '';
    expect(link).toContain('rel="next"');
    expect(link).toContain(
      '<http://gitea.test/api/v1/repos/fleet/program/issues?labels=operator-application&limit=10&page=4&state=open&type=issues>; rel="last"',
    );

    const defaults = await api.repos.issueListIssues('fleet', 'program');
    expect(defaults.data).toHaveLength(30);
    const closed = await api.repos.issueListIssues('fleet', 'program', { state: 'closed' });
    expect(closed.data.map((issue) => issue.title)).toEqual(['Old']);
    const pulls = await api.repos.issueListIssues('fleet', 'program', { type: 'pulls' });
    expect(pulls.data[0]?.pull_request).toMatchObject({ merged: false });
    const unknownLabel = await api.repos.issueListIssues('fleet', 'program', {
      labels: 'no-such-label',
      limit: 50,
    });
    expect(unknownLabel.headers.get('X-Total-Count')).toBe('37');
  });

  it('creates issues (201) and edits them (201, not 200)', async () => {
    gitea().addRepo(REPO);
    gitea().setPermission(REPO, 'maint', 'write');
    const payroll = gitea().addLabel(REPO, { name: 'payroll' });
    const createdIssue = await api.repos.issueCreateIssue('fleet', 'program', {
      title: 'Payroll 2025-03',
      body: 'table',
      labels: [payroll.id],
      assignees: ['maint'],
    });
    expect(createdIssue.status).toBe(201);
    expect(createdIssue.data).toMatchObject({
      number: 1,
      labels: [{ name: 'payroll' }],
      assignees: [{ login: 'maint' }],
      state: 'open',
      closed_at: null,
    });

    const closed = await api.repos.issueEditIssue('fleet', 'program', 1, { state: 'closed', body: 'paid' });
    expect(closed.status).toBe(201);
    expect(closed.data).toMatchObject({ state: 'closed', body: 'paid' });
    expect(closed.data.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    await expect(
      api.repos.issueCreateIssue('fleet', 'program', { title: 'x', assignees: ['alice'] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(api.repos.issueGetIssue('fleet', 'program', 404)).rejects.toMatchObject({ status: 404 });
  });

  it('answers permission lookups like Gitea', async () => {
    gitea().addRepo(REPO);
    gitea().setPermission(REPO, 'maint', 'write');
    gitea().addUser('alice');

    const maint = await api.repos.repoGetRepoPermissions('fleet', 'program', 'maint');
    expect(maint.data).toMatchObject({ permission: 'write', role_name: 'write', user: { login: 'maint' } });
    const alice = await api.repos.repoGetRepoPermissions('fleet', 'program', 'alice');
    expect(alice.data.permission).toBe('read');
    await expect(api.repos.repoGetRepoPermissions('fleet', 'program', 'nobody')).rejects.toMatchObject({
      status: 404,
    });

    gitea().setPermission(REPO, 'operator-bot', 'write');
    await expect(api.repos.repoGetRepoPermissions('fleet', 'program', 'maint')).rejects.toMatchObject({
      status: 403,
    });
  });

  it('renames users as Gitea does: same id, the old name redirects (307) until someone registers it', async () => {
    gitea().addRepo(REPO);
    gitea().addUser('bob', { id: 42 });
    gitea().setPermission(REPO, 'bob', 'write');
    gitea().addIssue(REPO, { number: 1, title: 'Mine', user: 'bob', assignees: ['bob'] });
    gitea().addTeam('fleet/maintainers', ['bob']);
    gitea().renameUser('bob', 'robert');

    const redirect = await fetch('http://gitea.test/api/v1/users/bob', {
      headers: { Authorization: 'token test-token' },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe('/api/v1/users/robert');
    expect((await api.users.userGet('bob')).data).toMatchObject({ id: 42, login: 'robert' });
    expect((await api.repos.issueGetIssue('fleet', 'program', 1)).data).toMatchObject({
      user: { id: 42, login: 'robert' },
      assignees: [{ login: 'robert' }],
    });
    const permission = await api.repos.repoGetRepoPermissions('fleet', 'program', 'robert');
    expect(permission.data.permission).toBe('write');
    gitea().addUser('alice');
    expect(() => gitea().renameUser('robert', 'alice')).toThrow('already exists');

    gitea().addUser('bob', { id: 99 });
    expect((await api.users.userGet('bob')).data).toMatchObject({ id: 99, login: 'bob' });
    const byId = await api.users.userSearch({ uid: 42 });
    expect(byId.data.data?.map((u) => [u.id, u.login])).toEqual([[42, 'robert']]);
    expect(byId.headers.get('x-total-count')).toBe('1');
    await expect(api.users.userGet('nobody')).rejects.toMatchObject({ status: 404 });
    gitea().assertContract();
  });

  it('searches teams and checks membership, only for org members', async () => {
    gitea().addRepo(REPO);
    const team = gitea().addTeam('fleet/maintainers', ['maint']);
    await expect(api.orgs.teamSearch('fleet', { q: 'maint' })).rejects.toMatchObject({ status: 403 });
    await expect(api.teams.orgListTeamMember(team.id, 'maint')).rejects.toMatchObject({ status: 404 });

    gitea().addTeam('fleet/maintainers', ['operator-bot']);
    const found = await api.orgs.teamSearch('fleet', { q: 'maint' });
    expect(found.data).toMatchObject({ ok: true, data: [{ id: team.id, name: 'maintainers' }] });
    const member = await api.teams.orgListTeamMember(team.id, 'maint');
    expect(member.data.login).toBe('maint');
    gitea().addUser('alice');
    await expect(api.teams.orgListTeamMember(team.id, 'alice')).rejects.toMatchObject({ status: 404 });
  });

  it('team search finds only the caller’s own teams, even for an org owner; listing finds them all (Gitea #22101)', async () => {
    gitea().addRepo(REPO);
    const team = gitea().addTeam('fleet/maintainers', ['maint']);
    gitea().addTeam('fleet/ops', ['operator-bot']);
    const searched = await api.orgs.teamSearch('fleet', { q: 'maint' });
    expect(searched.data).toMatchObject({ ok: true, data: [] });
    const listed = await api.orgs.orgListTeams('fleet');
    expect(listed.data.map((t) => t.name)).toEqual(['maintainers', 'ops', 'Owners']);
    expect(listed.headers.get('x-total-count')).toBe('3');
    await expect(api.teams.orgListTeamMember(team.id, 'maint')).rejects.toMatchObject({ status: 403 });

    gitea().addTeam('fleet/Owners', ['operator-bot']);
    expect((await api.orgs.teamSearch('fleet', { q: 'maint' })).data.data).toEqual([]);
    expect((await api.teams.orgListTeamMember(team.id, 'maint')).data.login).toBe('maint');
  });

  it('lists an org’s teams only for its members', async () => {
    gitea().addRepo(REPO);
    gitea().addTeam('fleet/maintainers', ['maint']);
    await expect(api.orgs.orgListTeams('fleet')).rejects.toMatchObject({ status: 403 });
    await expect(api.orgs.orgListTeams('nobody')).rejects.toMatchObject({ status: 404 });
  });

  it('records commit statuses', async () => {
    gitea().addRepo(REPO);
    const sha = 'a'.repeat(40);
    const { status, data } = await api.repos.repoCreateStatus('fleet', 'program', sha, {
      state: 'success',
      context: 'operator-bot/application',
      description: 'Application complete',
      target_url: 'http://gitea.test/fleet/program/issues/7',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({ status: 'success', creator: { login: 'operator-bot' } });
    expect(gitea().statuses(REPO, sha)).toHaveLength(1);
  });

  it('emits every field of the swagger definitions', async () => {
    seedApplication();
    gitea().addComment(REPO, 7, { user: 'alice', body: 'hi' });
    const team = gitea().addTeam('fleet/maintainers', ['operator-bot']);
    const shapes: Array<[string, object]> = [
      ['Issue', (await api.repos.issueGetIssue('fleet', 'program', 7)).data],
      ['Comment', (await api.repos.issueGetComments('fleet', 'program', 7)).data[0] ?? {}],
      ['Label', (await api.repos.issueGetLabels('fleet', 'program', 7)).data[0] ?? {}],
      ['User', (await api.user.userGetCurrent()).data],
      ['Team', (await api.orgs.teamSearch('fleet', { q: team.name })).data.data?.[0] ?? {}],
      [
        'RepoCollaboratorPermission',
        (await api.repos.repoGetRepoPermissions('fleet', 'program', 'alice')).data,
      ],
      ['ServerVersion', (await api.version.getVersion()).data],
    ];
    for (const [definition, value] of shapes) {
      const undeclared = definition === 'User' ? ['username'] : [];
      expect(Object.keys(value).sort(), definition).toEqual(
        [...definitionKeys(definition), ...undeclared].sort(),
      );
    }
    const { data: repository } = await api.repos.repoGet('fleet', 'program');
    const omittedByGitea = ['external_tracker', 'external_wiki'];
    expect(Object.keys(repository).sort()).toEqual(
      definitionKeys('Repository').filter((key) => !omittedByGitea.includes(key)),
    );
  });
});

describe('fault injection', () => {
  it('fails the next requests with a status, then serves normally', async () => {
    seedApplication();
    gitea().failNext({ method: 'POST', path: COMMENTS, times: 2, status: 500 });
    const { status } = await retried(
      () => api.repos.issueCreateComment('fleet', 'program', 7, { body: 'x' }),
      3,
    );
    expect(status).toBe(201);
    expect(
      gitea()
        .requestsTo('POST', COMMENTS)
        .map((request) => request.status),
    ).toEqual([500, 500, 201]);
    expect(gitea().comments(REPO, 7)).toHaveLength(1);
  });

  it('answers 429 with the given headers and body', async () => {
    seedApplication();
    gitea().failNext({
      path: /\/issues\/7$/,
      status: 429,
      headers: { 'Retry-After': '2' },
      body: 'slow down',
    });
    const response = await giteaFetch('/repos/fleet/program/issues/7');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('2');
    expect((await giteaFetch('/repos/fleet/program/issues/7')).status).toBe(200);
  });

  it('resets the connection', async () => {
    seedApplication();
    gitea().failNext({ method: 'POST', path: '/repos/fleet/program/issues/7/comments', networkError: true });
    await expect(api.repos.issueCreateComment('fleet', 'program', 7, { body: 'x' })).rejects.toThrow(
      TypeError,
    );
    expect(gitea().comments(REPO, 7)).toHaveLength(0);
    expect(gitea().requests.at(-1)).toMatchObject({ status: 0, fault: 'network-error' });
  });

  it('delays: the client times out but the write still happens', async () => {
    seedApplication();
    gitea().failNext({ method: 'POST', path: COMMENTS, delayMs: 150 });
    const request = giteaFetch('/repos/fleet/program/issues/7/comments', {
      method: 'POST',
      body: JSON.stringify({ body: 'slow' }),
      signal: AbortSignal.timeout(30),
    });
    await expect(request).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(
      gitea()
        .comments(REPO, 7)
        .map((comment) => comment.body),
    ).toEqual(['slow']);
  });
});

describe('contract checking', () => {
  it('answers a body with an unknown field with 422 and records it', async () => {
    seedApplication();
    const response = await giteaFetch('/repos/fleet/program/issues/7/comments', {
      method: 'POST',
      body: JSON.stringify({ body: 'x', bodyy: 'x' }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/^contract: body\.bodyy/);
    expect(takeViolations()).toEqual([
      expect.objectContaining({ kind: 'request', method: 'POST', message: expect.stringContaining('bodyy') }),
    ]);
    expect(gitea().comments(REPO, 7)).toHaveLength(0);
  });

  it('flags wrong types, missing required fields and undeclared query parameters', async () => {
    seedApplication();
    await giteaFetch('/repos/fleet/program/issues/7/labels', {
      method: 'POST',
      body: JSON.stringify({ labels: 3 }),
    });
    await giteaFetch('/repos/fleet/program/labels', { method: 'POST', body: JSON.stringify({ name: 'x' }) });
    await giteaFetch('/repos/fleet/program/issues?per_page=5');
    const messages = takeViolations().map((violation) => violation.message);
    expect(messages).toEqual([
      'body.labels: expected array, got number',
      'body.color: required by CreateLabelOption',
      'query per_page: not a parameter of issueListIssues',
    ]);
  });

  it('refuses requests without the token and unknown endpoints', async () => {
    const anonymous = await fetch('http://gitea.test/api/v1/user');
    expect(anonymous.status).toBe(401);
    const wrong = giteaApi('http://gitea.test', { token: 'nope' });
    await expect(wrong.user.userGetCurrent()).rejects.toMatchObject({ status: 401 });
    const unknown = await giteaFetch('/repos/fleet/program/frobnicate');
    expect(unknown.status).toBe(404);
    expect(takeViolations().map((violation) => violation.kind)).toEqual([
      'auth',
      'auth',
      'unknown-operation',
    ]);
    expect(() => gitea().assertContract()).not.toThrow();
  });

  it('assertContract lists what went wrong', async () => {
    await fetch('http://gitea.test/api/v1/version');
    expect(() => gitea().assertContract()).toThrow(/\[auth\] GET \/version: no Authorization header/);
    takeViolations();
  });

  it('checks the emulator answers against the declared responses', () => {
    const match = findOperation('PATCH', '/repos/fleet/program/issues/7');
    if (!match) throw new Error('no operation');
    expect(match.operation?.operationId).toBe('issueEditIssue');
    expect(responseProblems(match, 200, {})).toEqual(['response 200: not declared by issueEditIssue']);
    expect(responseProblems(match, 201, { number: '7', colour: 'red' })).toEqual([
      'response 201.number: expected int64, got string',
      'response 201.colour: not a property of Issue',
    ]);
  });
});

describe('delivery fixtures', () => {
  const fixturesDir = new URL('../fixtures/deliveries/', import.meta.url);
  const ISSUE_FIELDS = [
    'id',
    'url',
    'html_url',
    'number',
    'user',
    'original_author',
    'original_author_id',
    'title',
    'body',
    'ref',
    'assets',
    'labels',
    'milestone',
    'assignee',
    'assignees',
    'state',
    'is_locked',
    'comments',
    'created_at',
    'updated_at',
    'closed_at',
    'due_date',
    'pull_request',
    'repository',
    'pin_order',
  ];
  const COMMENT_FIELDS = [
    'id',
    'html_url',
    'pull_request_url',
    'issue_url',
    'user',
    'original_author',
    'original_author_id',
    'body',
    'assets',
    'created_at',
    'updated_at',
  ];
  const LABEL_FIELDS = ['id', 'name', 'exclusive', 'is_archived', 'color', 'description', 'url'];
  const USER_FIELDS = [
    'id',
    'login',
    'login_name',
    'source_id',
    'full_name',
    'email',
    'avatar_url',
    'html_url',
    'is_admin',
    'username',
  ];
  const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

  it('has a fixture for every listed delivery', () => {
    const files = readdirSync(fixturesDir)
      .filter((file) => file.endsWith('.json'))
      .sort();
    expect(files).toEqual(DELIVERY_FIXTURES.map((fixture) => fixture.file).sort());
  });

  for (const fixture of DELIVERY_FIXTURES) {
    describe(fixture.file, () => {
      const text = readFileSync(new URL(fixture.file, fixturesDir), 'utf8');
      const payload = JSON.parse(text) as DeliveryPayload;

      it('is written exactly as Gitea serialises it', () => {
        expect(text).toBe(`${goIndentedJson(payload)}\n`);
        expect(deliveryEvent(payload)).toEqual({ event: fixture.event, eventType: fixture.eventType });
      });

      it('carries the fields GITEA.md lists', () => {
        const top =
          fixture.event === 'issues'
            ? ['action', 'number', 'issue', 'repository', 'sender', 'commit_id']
            : ['action', 'issue', 'comment', 'repository', 'sender', 'is_pull'];
        expect(Object.keys(payload)).toEqual(expect.arrayContaining(top));
        expect(Object.keys(payload.issue)).toEqual(ISSUE_FIELDS);
        expect(Object.keys(payload.issue.repository)).toEqual(['id', 'name', 'owner', 'full_name']);
        expect(['open', 'closed']).toContain(payload.issue.state);
        for (const label of payload.issue.labels) {
          expect(Object.keys(label)).toEqual(LABEL_FIELDS);
          expect(label.color).toMatch(/^[0-9a-f]{6}$/);
        }
        if (payload.issue.assignees !== null) expect(payload.issue.assignees.length).toBeGreaterThan(0);
        for (const user of [payload.sender, payload.issue.user, payload.repository.owner]) {
          expect(Object.keys(user)).toEqual(expect.arrayContaining(USER_FIELDS));
        }
        expect(payload.sender.is_admin).toBe(false);
        expect(payload.sender.email).toBe(`${payload.sender.login}@noreply.gitea.test`);
        expect(Object.keys(payload.repository.permissions)).toEqual(['admin', 'push', 'pull']);
        for (const time of [payload.issue.created_at, payload.issue.updated_at, payload.sender.created]) {
          expect(time).toMatch(RFC3339);
        }
        if ('comment' in payload) {
          expect(Object.keys(payload.comment)).toEqual(COMMENT_FIELDS);
          expect(payload.is_pull).toBe(payload.issue.pull_request !== null);
        }
      });

      it('matches the swagger definitions', () => {
        const problems = [
          ...schemaProblems({ $ref: '#/definitions/Issue' }, payload.issue, 'issue', 'response'),
          ...schemaProblems(
            { $ref: '#/definitions/Repository' },
            payload.repository,
            'repository',
            'response',
          ),
          ...schemaProblems({ $ref: '#/definitions/User' }, payload.sender, 'sender', 'response'),
          ...('comment' in payload
            ? schemaProblems({ $ref: '#/definitions/Comment' }, payload.comment, 'comment', 'response')
            : []),
        ];
        expect(problems).toEqual([]);
      });
    });
  }

  it('shows the poster the way Gitea does: full to themselves, email only to others', () => {
    const opened = loadDelivery('issues-opened.json');
    expect(opened.issue.user).toMatchObject({ login: 'alice', email: 'alice@example.org', active: true });
    const labelled = loadDelivery('issue-label-updated.json');
    expect(labelled.issue.user).toMatchObject({ email: 'alice@example.org', active: false, language: '' });
    expect(labelled.repository.permissions).toEqual({ admin: false, push: false, pull: true });
  });
});

describe('delivery builders', () => {
  it('derive issue payloads from the fixtures and merge overrides deeply', () => {
    const payload = issuePayload('opened', { issue: { number: 9, title: 'Another' } });
    expect(payload).toMatchObject({ action: 'opened', number: 9, issue: { number: 9, title: 'Another' } });
    expect(payload.issue.html_url).toBe('http://gitea.test/fleet/program/issues/9');
    expect(payload.issue.url).toBe('http://gitea.test/api/v1/repos/fleet/program/issues/9');
    expect(payload.issue.user.login).toBe('alice');

    const unassigned = issuePayload('unassigned');
    expect(unassigned).toMatchObject({ action: 'unassigned', issue: { assignee: null, assignees: null } });
  });

  it('keep a user consistent when its login is overridden', () => {
    const payload = issuePayload('closed', { sender: { login: 'bob' } });
    expect(payload.sender).toMatchObject({
      login: 'bob',
      username: 'bob',
      html_url: 'http://gitea.test/bob',
      email: 'bob@noreply.gitea.test',
    });
    expect(payload.sender.id).not.toBe(loadDelivery('issues-closed.json').sender.id);
    expect(issuePayload('closed', { sender: { login: 'operator-bot' } }).sender.id).toBe(4);
  });

  it('build label and comment payloads', () => {
    const labelled = issueLabelPayload(['operator-application', 'onboarding/training']);
    expect(labelled.action).toBe('label_updated');
    expect(labelled.issue.labels.map((label) => [label.name, label.exclusive])).toEqual([
      ['operator-application', false],
      ['onboarding/training', true],
    ]);

    const comment = commentPayload('created', '/approve', {
      sender: { login: 'maint' },
      comment: { id: 300 },
    });
    expect(comment).toMatchObject({
      action: 'created',
      comment: { id: 300, body: '/approve' },
      is_pull: false,
    });
    expect(commentPayload('edited', '/quiz 90').changes?.body?.from).toBe('/fleet node-fsn1-a');
    const renumbered = commentPayload('created', 'x', { issue: { number: 12 } });
    expect(renumbered.comment.html_url).toMatch(/\/issues\/12#issuecomment-210$/);
  });

  it('sign deliveries with every header Gitea sends', async () => {
    const payload = commentPayload('created', 'status: <!-- operator-bot:state {"a":1} --> & more');
    const { body, headers } = signDelivery(payload, 's3cret');
    expect(body).toContain('\\u003c!-- operator-bot:state');
    expect(JSON.parse(body)).toEqual(payload);
    const hex = createHmac('sha256', 's3cret').update(body).digest('hex');
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Gitea-Event': 'issue_comment',
      'X-Gitea-Event-Type': 'issue_comment',
      'X-Gitea-Signature': hex,
      'X-Gogs-Signature': hex,
      'X-Hub-Signature-256': `sha256=${hex}`,
      'X-Hub-Signature': `sha1=${createHmac('sha1', 's3cret').update(body).digest('hex')}`,
      'X-GitHub-Event': 'issue_comment',
      'X-GitHub-Event-Type': 'issue_comment',
    });
    expect(headers['X-Gitea-Delivery']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(headers['X-Gogs-Delivery']).toBe(headers['X-Gitea-Delivery']);
    expect(headers['X-GitHub-Delivery']).toBe(headers['X-Gitea-Delivery']);
    expect(await verify('s3cret', body, `sha256=${headers['X-Gitea-Signature']}`)).toBe(true);
    expect(await verify('s3cret', body, headers['X-Hub-Signature-256'] ?? '')).toBe(true);
    expect(await verify('other', body, headers['X-Hub-Signature-256'] ?? '')).toBe(false);

    const labelled = signDelivery(issueLabelPayload([]), 's3cret', { deliveryId: 'fixed' });
    expect(labelled.headers).toMatchObject({
      'X-Gitea-Event': 'issues',
      'X-Gitea-Event-Type': 'issue_label',
    });
    expect(labelled.headers['X-Gitea-Delivery']).toBe('fixed');
    const pull = signDelivery(loadDelivery('pull-request-comment-created.json'), 's3cret');
    expect(pull.headers['X-Gitea-Event-Type']).toBe('pull_request_comment');

    const unsigned = signDelivery(payload, '');
    expect(unsigned.headers).toMatchObject({
      'X-Gitea-Signature': '',
      'X-Hub-Signature-256': 'sha256=',
      'X-Hub-Signature': 'sha1=',
    });
  });
});
