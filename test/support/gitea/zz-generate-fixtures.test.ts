import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { accessMode } from './access.js';
import { goIndentedJson } from './go-json.js';
import type { IssueRecord, TimelineRecord, UserRecord } from './records.js';
import { toApiComment } from './represent/comment.js';
import type { RepresentContext } from './represent/context.js';
import { toApiIssue } from './represent/issue.js';
import { toApiRepository } from './represent/repository.js';
import { toApiUser } from './represent/user.js';
import { describeSite } from './site.js';
import { GiteaState } from './state.js';

const OUT = new URL('../../fixtures/deliveries/', import.meta.url);
const site = describeSite('http://gitea.test', '1.22.6');

function user(id: number, login: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id, login, fullName: '', email: `${login}@example.com`, isAdmin: false, isOrganization: false,
    keepEmailPrivate: false, created: '2025-01-06T08:00:00Z', lastLogin: '2025-03-03T09:58:12Z', ...extra,
  };
}

const APPLICATION_BODY = `### Name / handle

Alice Okafor (@alice)

### Contact email

alice@example.org

### Telegram / Discord handle

@alice_ops

### Wallet address (USDC/USDT)

0x52908400098527886E0F7030069857D2E4169EE7

### Chain

base

### Timezone

Europe/Lisbon

### VPS provider

Hetzner

### Server location

fsn1 (Falkenstein)

### Specs per node

4 vCPU, 8 GB RAM, 160 GB SSD & 20 TB traffic

### Operating system

Ubuntu 22.04 LTS

### Static IP

Yes

### Number of nodes

3

### Experience

- [x] Linux system administration (2+ years)
- [x] Git / GitHub / Gitea usage
- [x] Docker / container orchestration
- [ ] AI agent frameworks (Hermes, OpenAI, etc.)
- [x] Prior VPS fleet management

### Relevant experience

Six years running Kubernetes and bare-metal fleets for a regional ISP.

### Hours per week

20

### Can you maintain 99.5% uptime?

Yes

### Do you agree to a 30-day exit notice?

Yes

### Do you agree to the sovereign AI principles (no data exfiltration)?

Yes

### Gitea username

alice

### Prior Foundation work

_No response_

### Referred by

_No response_

### Signature and date

Alice Okafor, 2025-03-03`;

function world() {
  const state = new GiteaState();
  for (const u of [
    user(2, 'fleet', { isOrganization: true, email: '', fullName: 'Fleet Foundation', created: '2024-11-18T14:02:51Z' }),
    user(3, 'maint', { fullName: 'Mara Lindqvist', email: 'mara@fleet.example', created: '2024-11-18T14:05:37Z' }),
    user(4, 'operator-bot', { fullName: 'Operator Bot', email: 'operator-bot@fleet.example', created: '2024-11-19T10:11:00Z' }),
    user(7, 'alice', { fullName: 'Alice Okafor', email: 'alice@example.org', created: '2025-02-27T18:40:09Z' }),
  ]) state.users.set(u.login, u);
  const repo = { id: 5, owner: 'fleet', name: 'program', description: 'Fleet Operator Program: applications, alerts, reports and payroll', isPrivate: false, created: '2024-11-18T14:09:44Z', updated: '2025-03-03T10:15:04Z' };
  state.repos.set('fleet/program', repo);
  state.permissions.set(state.permissionKey(repo, 'maint'), 'write');
  state.permissions.set(state.permissionKey(repo, 'operator-bot'), 'admin');
  state.labels.push(
    { id: 11, repoId: 5, name: 'operator-application', color: '#0e8a16', description: 'A fleet operator application', exclusive: false, isArchived: false },
    { id: 14, repoId: 5, name: 'onboarding/screening', color: '#fbca04', description: 'Application under review', exclusive: true, isArchived: false },
  );
  const issue: IssueRecord = {
    id: 42, repoId: 5, number: 7, title: 'Operator application: alice', body: APPLICATION_BODY, poster: 'alice',
    labelIds: [11], assignees: [], isClosed: false, isPull: false, isLocked: false,
    created: '2025-03-03T10:15:04Z', updated: '2025-03-03T10:15:04Z', closed: null,
  };
  const pull: IssueRecord = {
    id: 48, repoId: 5, number: 12, title: 'Add alice to the operator registry', body: 'Adds alice (3 nodes, fsn1) to `operators.yaml`.',
    poster: 'alice', labelIds: [], assignees: [], isClosed: false, isPull: true, isLocked: false,
    created: '2025-03-20T16:20:31Z', updated: '2025-03-21T08:03:17Z', closed: null,
  };
  state.issues.push(issue, pull);
  return { state, repo, issue, pull };
}

function comment(id: number, issue: IssueRecord, actor: string, body: string, created: string, updated = created): TimelineRecord {
  return { id, repoId: 5, issueNumber: issue.number, kind: 'comment', actor, body, created, updated };
}

type World = ReturnType<typeof world>;

function issuePayload(w: World, action: string, sender: string, permissionOf: string, extra: Record<string, unknown> = {}) {
  const represent: RepresentContext = { state: w.state, site, doer: sender };
  const { changes, ...rest } = extra;
  return {
    action,
    number: w.issue.number,
    ...(changes ? { changes } : {}),
    issue: toApiIssue(w.issue, represent),
    repository: toApiRepository(w.repo, represent, accessMode(w.state, w.repo, permissionOf)),
    sender: toApiUser(w.state.user(sender) as UserRecord, represent, 'public'),
    commit_id: '',
    ...rest,
  };
}

function commentPayload(w: World, action: string, target: IssueRecord, c: TimelineRecord, sender: string, changes?: unknown) {
  const represent: RepresentContext = { state: w.state, site, doer: sender };
  return {
    action,
    issue: toApiIssue(target, represent),
    comment: toApiComment(c, represent),
    ...(changes ? { changes } : {}),
    repository: toApiRepository(w.repo, represent, accessMode(w.state, w.repo, sender)),
    sender: toApiUser(w.state.user(sender) as UserRecord, represent, 'public'),
    is_pull: target.isPull,
  };
}

function write(name: string, payload: unknown) {
  writeFileSync(new URL(name, OUT), `${goIndentedJson(payload)}\n`);
}

it('generates delivery fixtures', () => {
  {
    const w = world();
    write('issues-opened.json', issuePayload(w, 'opened', 'alice', 'alice'));
  }
  {
    const w = world();
    const before = w.issue.body;
    w.issue.body = before.replace('3\n\n### Experience', '4\n\n### Experience');
    w.issue.updated = '2025-03-03T10:31:55Z';
    write('issues-edited.json', issuePayload(w, 'edited', 'alice', 'alice', { changes: { body: { from: before } } }));
  }
  {
    const w = world();
    w.issue.isClosed = true;
    w.issue.closed = '2025-03-10T12:00:41Z';
    w.issue.updated = '2025-03-10T12:00:41Z';
    w.state.timeline.push(comment(301, w.issue, 'maint', 'Closing: duplicate of #9.', '2025-03-10T12:00:38Z'));
    write('issues-closed.json', issuePayload(w, 'closed', 'maint', 'alice'));
  }
  {
    const w = world();
    w.issue.updated = '2025-03-11T07:45:02Z';
    w.state.timeline.push(comment(301, w.issue, 'maint', 'Closing: duplicate of #9.', '2025-03-10T12:00:38Z'));
    write('issues-reopened.json', issuePayload(w, 'reopened', 'maint', 'alice'));
  }
  {
    const w = world();
    w.issue.labelIds = [11, 14];
    w.issue.updated = '2025-03-03T10:40:19Z';
    write('issue-label-updated.json', issuePayload(w, 'label_updated', 'maint', 'alice'));
  }
  {
    const w = world();
    w.issue.labelIds = [];
    w.issue.updated = '2025-03-03T10:42:07Z';
    write('issue-label-cleared.json', issuePayload(w, 'label_cleared', 'maint', 'alice'));
  }
  {
    const w = world();
    w.issue.assignees = ['maint'];
    w.issue.updated = '2025-03-03T10:44:30Z';
    write('issue-assign-assigned.json', issuePayload(w, 'assigned', 'maint', 'maint'));
  }
  {
    const w = world();
    const c = comment(210, w.issue, 'alice', '/status', '2025-03-03T11:02:41Z');
    w.state.timeline.push(c);
    w.issue.updated = c.created;
    write('issue-comment-created.json', commentPayload(w, 'created', w.issue, c, 'alice'));
  }
  {
    const w = world();
    const c = comment(210, w.issue, 'alice', '/fleet node-fsn1-a node-fsn1-b', '2025-03-03T11:02:41Z', '2025-03-03T11:05:13Z');
    w.state.timeline.push(c);
    w.issue.updated = '2025-03-03T11:05:13Z';
    write('issue-comment-edited.json', commentPayload(w, 'edited', w.issue, c, 'alice', { body: { from: '/fleet node-fsn1-a' } }));
  }
  {
    const w = world();
    const c = comment(210, w.issue, 'alice', '/status', '2025-03-03T11:02:41Z');
    w.issue.updated = '2025-03-03T11:02:41Z';
    write('issue-comment-deleted.json', commentPayload(w, 'deleted', w.issue, c, 'alice'));
  }
  {
    const w = world();
    const c = comment(233, w.pull, 'maint', 'Looks good. /approve', '2025-03-21T08:03:17Z');
    w.state.timeline.push(c);
    write('pull-request-comment-created.json', commentPayload(w, 'created', w.pull, c, 'maint'));
  }
});
