import { describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPingStore } from '../../src/store/pings.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issueLabelPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator, applicationLabeled, completeForm } from '../support/workflows.js';

/**
 * The maintainer role is asked of Gitea only when a decision looks at it (src/worker/actor-roles.ts).
 * Attacked through the worker's road (real Redis, Gitea emulated): for each kind of person, every
 * change made by hand or by command ends as it did when the role was asked up front, and nobody
 * without the role gets a maintainer's outcome.
 *
 * The people: `maint` is a repository admin; `tina` a writer in the team fleet/maintainers; `lena`
 * a writer listed in `maintainers.users` (and a registered operator); `dave` a writer and nothing
 * more (Gitea's `write` is not a maintainer); `mallory` a user with no access; `bob` the alert's
 * author and responsible operator; `eve` a registered operator with no part in the alert.
 */
const redis = useRedis();
const gitea = useFakeGitea();
const config = parseProgramConfig('maintainers:\n  users: [lena]\n  teams: [fleet/maintainers]\n');
const AT = '2026-11-10T10:00:00Z';
const ALERT = 9;
const PLAIN = 20;
const MAINTAINERS = ['maint', 'tina', 'lena'] as const;
const OTHERS = ['mallory', 'dave', 'eve'] as const;

const PERMISSION = '/repos/{owner}/{repo}/collaborators/{collaborator}/permission';
const TEAM_MEMBER = '/teams/{id}/members/{username}';
/** How many times Gitea was asked who is a maintainer (permission reads and team lookups). */
const roleReads = () =>
  gitea().requestsTo('GET', PERMISSION).length + gitea().requestsTo('GET', TEAM_MEMBER).length;

const api = () => createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
const repo = repoRef(PROGRAM_REPO);
const ALERT_BODY = '### Operator\n\n@bob\n\n### Problem\n\nThe gateway is down.';

async function setUp() {
  seedProgram(gitea());
  for (const login of ['tina', 'lena', 'dave', 'mallory', 'eve']) gitea().addUser(login);
  for (const login of ['tina', 'lena', 'dave']) gitea().setPermission(PROGRAM_REPO, login, 'write');
  gitea().addTeam('fleet/maintainers', ['tina', 'operator-bot']);
  const operators = createOperatorStore(redis.client);
  for (const login of ['bob', 'eve', 'lena']) await operators.put(activeOperator(login));
  gitea().addIssue(PROGRAM_REPO, { number: PLAIN, title: 'Chat', user: 'bob' });
  return testCore(redis.client, gitea(), config, { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
}

type Core = Awaited<ReturnType<typeof setUp>>;

/** An alert issue `number` by bob, in Gitea; `seen`: the bot got its opening. */
async function alertIssue(core: Core, number = ALERT, seen = true) {
  gitea().addIssue(PROGRAM_REPO, {
    number,
    title: 'Gateway down on fsn1-node-2',
    body: ALERT_BODY,
    user: 'bob',
    labels: ['operator-alert'],
  });
  if (seen) await core.handle(issueEvent('opened', 'bob', AT, number));
}

const issueEvent = (
  action: 'opened' | 'closed' | 'reopened' | 'assigned',
  login: string,
  at: string,
  number = ALERT,
  user = 'bob',
) =>
  issuePayload(action, {
    number,
    issue: {
      number,
      title: 'Gateway down on fsn1-node-2',
      body: ALERT_BODY,
      labels: [label('operator-alert')],
      user: { login: user },
      state: action === 'closed' ? 'closed' : 'open',
      created_at: AT,
      updated_at: at,
    },
    sender: { login },
  });

let commentId = 7000;
const comment = (login: string, body: string, number = ALERT, labels = ['operator-alert'], author = 'bob') =>
  commentPayload('created', body, {
    issue: { number, labels: labels.map((name) => label(name)), user: { login: author } },
    comment: { id: ++commentId, user: { login }, created_at: '2026-11-10T10:30:00Z', updated_at: AT },
    sender: { login },
  });

const seal = () => createMarkerSeal(gitea().token);
/** The bot's replies to comment `id` in issue `number`. */
const repliesTo = (id: number, number = ALERT) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .filter((c) => seal().read(c.body, 'reply', `${PROGRAM_REPO}#${number}`).includes(String(id)))
    .map((c) => c.body);
/** The bot's notes to `login` about a change it undid. */
const notesTo = (login: string, number = ALERT) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .filter((c) => c.body.startsWith(`@${login}:`))
    .map((c) => c.body);
const alertInstance = (number = ALERT) =>
  createInstanceStore(redis.client).get(PROGRAM_REPO, number, 'alert');

describe('an alert closed by hand: closing is resolving, for the responsible operator or a maintainer', () => {
  it.each([
    ...MAINTAINERS.map((login) => [login, true] as const),
    ['bob', true] as const,
    ...OTHERS.map((login) => [login, false] as const),
  ])('closed by %s: resolved (%s) or reopened with a note', async (login, resolves) => {
    const core = await setUp();
    await alertIssue(core);
    await api().setIssueState(repo, ALERT, 'closed');
    await core.handle(issueEvent('closed', login, '2026-11-10T10:05:00Z'));
    if (resolves) {
      expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('closed');
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/resolved');
      expect((await alertInstance())?.state).toBe('resolved');
      expect(notesTo(login)).toEqual([]);
    } else {
      expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('open');
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/open');
      expect((await alertInstance())?.state).toBe('open');
      expect(notesTo(login)).toHaveLength(1);
      expect(notesTo(login)[0]).toContain(
        'only the responsible operator or a maintainer may close this issue',
      );
    }
  });

  it('the responsible operator’s close costs no maintainer check: the role never decided it', async () => {
    const core = await setUp();
    await alertIssue(core);
    const before = roleReads();
    await api().setIssueState(repo, ALERT, 'closed');
    await core.handle(issueEvent('closed', 'bob', '2026-11-10T10:05:00Z'));
    expect((await alertInstance())?.state).toBe('resolved');
    expect(roleReads()).toBe(before);
  });
});

describe('a resolved alert reopened by hand: by the responsible operator or a maintainer', () => {
  it.each([
    ...MAINTAINERS.map((login) => [login, true] as const),
    ['bob', true] as const,
    ...OTHERS.map((login) => [login, false] as const),
  ])('reopened by %s: open again (%s) or closed again with a note', async (login, reopens) => {
    const core = await setUp();
    await alertIssue(core);
    await core.handle(comment('bob', '/resolve gateway restarted'));
    expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('closed');
    await api().setIssueState(repo, ALERT, 'open');
    await core.handle(issueEvent('reopened', login, '2026-11-10T11:00:00Z'));
    if (reopens) {
      expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('open');
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/open');
      expect((await alertInstance())?.state).toBe('open');
      expect(notesTo(login)).toEqual([]);
    } else {
      expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('closed');
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/resolved');
      expect((await alertInstance())?.state).toBe('resolved');
      expect(notesTo(login)[0]).toContain(
        'only the responsible operator or a maintainer may reopen this issue',
      );
    }
  });
});

/** A /help reply split into what the person can do now (with "In any issue") and what others do next. */
function helpSections(reply: string) {
  const [now = '', next = ''] = reply.split('**What comes next in this workflow, and who does it:**');
  return { now, next };
}

describe('/help lists a maintainer’s commands to maintainers only', () => {
  it.each([
    ...MAINTAINERS.map((login) => [login, true] as const),
    ...[...OTHERS, 'bob'].map((login) => [login, false] as const),
  ])('in an alert issue, asked by %s (maintainer: %s)', async (login, maintainer) => {
    const core = await setUp();
    await alertIssue(core);
    const payload = comment(login, '/help');
    await core.handle(payload);
    const [reply = '', ...more] = repliesTo(payload.comment.id);
    expect(more).toEqual([]);
    const { now, next } = helpSections(reply);
    if (maintainer) {
      expect(now).toContain('- `/severity critical` — reclassify');
      expect(now).toContain('- `/ack` — I am on it');
      expect(now).toContain('- `/ping @op [question]`');
      expect(now).toContain('- `/terminate @op REASON`');
      expect(next).not.toContain('/severity');
    } else {
      expect(now).not.toContain('/severity');
      expect(next).toContain('- a maintainer: `/severity critical` — reclassify');
      expect(now).not.toContain('/ping');
      expect(now).not.toContain('/terminate');
    }
    // The responsible operator may /ack whatever Gitea says of her.
    if (login === 'bob') expect(now).toContain('- `/ack` — I am on it');
  });

  it.each([
    ...MAINTAINERS.map((login) => [login, true] as const),
    ...[...OTHERS, 'bob'].map((login) => [login, false] as const),
  ])('in an issue of no workflow, asked by %s (maintainer: %s)', async (login, maintainer) => {
    const core = await setUp();
    const payload = comment(login, '/help', PLAIN, []);
    await core.handle(payload);
    const [reply = '', ...more] = repliesTo(payload.comment.id, PLAIN);
    expect(more).toEqual([]);
    expect(reply).toContain('**What you can do here:**');
    for (const command of ['/ping @op', '/terminate @op', '/wallet @op'])
      expect(reply.includes(`\`${command}`)).toBe(maintainer);
    // Operators (bob, eve, and lena, who is also a maintainer) are shown their own commands.
    expect(reply.includes('`/report uptime=')).toBe(['bob', 'eve', 'lena'].includes(login));
  });
});

/** Someone with the bot's (admin) token sets the issue's assignees in Gitea, as a person would. */
async function assign(number: number, assignees: string[]) {
  const response = await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${number}`, {
    method: 'PATCH',
    headers: { authorization: `token ${gitea().token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ assignees }),
  });
  expect(response.status).toBe(201);
}

describe('an alert assigned by hand: who answers for it changes only by a maintainer or the responsible operator', () => {
  it.each([
    ...MAINTAINERS.map((login) => [login, 'eve'] as const),
    ['bob', 'eve'] as const,
    ...OTHERS.map((login) => [login, 'bob'] as const),
  ])('eve assigned by %s: the responsible operator is then %s', async (login, responsible) => {
    const core = await setUp();
    await alertIssue(core);
    await assign(ALERT, ['eve']);
    await core.handle(issueEvent('assigned', login, '2026-11-10T10:05:00Z'));
    expect((await alertInstance())?.data.responsible).toBe(responsible);
    // Eve's /ack counts as the responsible operator's only when the assignment was taken.
    const ack = comment('eve', '/ack');
    await core.handle(ack);
    expect((await alertInstance())?.state).toBe(responsible === 'eve' ? 'acknowledged' : 'open');
    if (responsible !== 'eve')
      expect(repliesTo(ack.comment.id)[0]).toContain(
        'only the responsible operator or a maintainer may use this.',
      );
  });
});

describe('state labels changed by hand are put back whoever changed them, without asking who is a maintainer', () => {
  it.each([...MAINTAINERS, 'bob', ...OTHERS])('%s swaps alert/open for alert/resolved', async (login) => {
    const core = await setUp();
    await alertIssue(core);
    const before = roleReads();
    const open = (await api().issueLabels(repo, ALERT)).find((l) => l.name === 'alert/open');
    if (open?.id) await api().removeLabel(repo, ALERT, open.id);
    await core.handle(
      issueLabelPayload(['operator-alert', 'alert/resolved'], {
        number: ALERT,
        issue: { number: ALERT, user: { login: 'bob' }, updated_at: '2026-11-10T10:05:00Z' },
        sender: { login },
      }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/open');
    expect((await alertInstance())?.state).toBe('open');
    expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('open');
    expect(roleReads()).toBe(before);
  });
});

/** alice's complete application as issue `number`, labelled and handled: in screening. */
async function screenedApplication(number: number) {
  const core = await setUp();
  gitea().addIssue(PROGRAM_REPO, {
    number,
    title: 'Application',
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });
  await core.handle(applicationLabeled());
  return core;
}

describe('an application closed by hand: by its author or a maintainer (no transition of the state says)', () => {
  const APPLICATION = 7;
  const closedBy = (login: string) =>
    issuePayload('closed', {
      number: APPLICATION,
      issue: {
        number: APPLICATION,
        title: 'Application',
        body: completeForm,
        labels: [label('operator-application'), label('onboarding/screening')],
        user: { login: 'alice' },
        state: 'closed',
        created_at: '2026-11-21T10:00:00Z',
        updated_at: '2026-11-21T11:00:00Z',
      },
      sender: { login },
    });

  it.each([
    ...MAINTAINERS.map((login) => [login, true] as const),
    ['alice', true] as const,
    ...[...OTHERS, 'bob'].map((login) => [login, false] as const),
  ])('closed by %s: stays closed (%s) or is reopened with a note', async (login, stays) => {
    const core = await screenedApplication(APPLICATION);
    expect(gitea().issueLabels(PROGRAM_REPO, APPLICATION)).toContain('onboarding/screening');
    const before = roleReads();
    await api().setIssueState(repo, APPLICATION, 'closed');
    await core.handle(closedBy(login));
    expect(gitea().issue(PROGRAM_REPO, APPLICATION)?.state).toBe(stays ? 'closed' : 'open');
    expect(notesTo(login, APPLICATION)).toHaveLength(stays ? 0 : 1);
    if (!stays)
      expect(notesTo(login, APPLICATION)[0]).toContain(
        'only the author of this issue or a maintainer may close this issue',
      );
    // The applicant closing her own application is allowed whatever Gitea says of her.
    if (login === 'alice') expect(roleReads()).toBe(before);
  });
});

/**
 * The writes to issues since `from` (method and path, the issue number as `N`): what a decision
 * did. A repo label created the first time it is needed is left out: only the first alert makes it.
 */
const writesSince = (from: number, number: number) =>
  gitea()
    .requests.slice(from)
    .filter((r) => r.method !== 'GET' && r.path.includes('/issues/'))
    .map(
      (r) =>
        `${r.method} ${r.path.replace(`/issues/${number}/`, '/issues/N/').replace(/\/comments\/\d+$/, '/comments/ID')}`,
    );

describe('an application edited by hand: its form is read again for its author or a maintainer only', () => {
  const APPLICATION = 7;
  const ALICE_WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  const OTHER_WALLET = `0x${'d'.repeat(40)}`;
  const editedBy = (login: string, body: string) =>
    issuePayload('edited', {
      number: APPLICATION,
      issue: {
        number: APPLICATION,
        title: 'Application',
        body,
        labels: [label('operator-application'), label('onboarding/screening')],
        user: { login: 'alice' },
        created_at: '2026-11-21T10:00:00Z',
        updated_at: '2026-11-21T11:00:00Z',
      },
      sender: { login },
    });
  const recordedWallet = async () =>
    (
      (await createInstanceStore(redis.client).get(PROGRAM_REPO, APPLICATION, 'onboarding'))?.data as {
        application?: { wallet?: string };
      }
    )?.application?.wallet;

  // Gitea lets a repository's writers edit anyone's issue; the wallet read from the form is where
  // the operator's pay goes once active (onboarding activate → the registry).
  it.each([
    ['alice', true],
    ['maint', true],
    ['dave', false],
  ] as const)('the wallet changed by %s: read (%s), or kept with a note', async (login, read) => {
    const core = await screenedApplication(APPLICATION);
    expect(await recordedWallet()).toBe(ALICE_WALLET);
    const body = completeForm.replace(ALICE_WALLET, OTHER_WALLET);
    const edit = await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${APPLICATION}`, {
      method: 'PATCH',
      headers: { authorization: `token ${gitea().token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    });
    expect(edit.status).toBe(201);
    await core.handle(editedBy(login, body));
    expect(await recordedWallet()).toBe(read ? OTHER_WALLET : ALICE_WALLET);
    expect(notesTo(login, APPLICATION)).toHaveLength(read ? 0 : 1);
    if (!read)
      expect(notesTo(login, APPLICATION)[0]).toContain(
        'only the author of this issue or a maintainer may change its form',
      );
  });
});

describe('a maintainer’s decision is made twice (without the role, then with it): its effects are applied once', () => {
  it('a maintainer’s /ack writes to Gitea exactly what the responsible operator’s does (decided once)', async () => {
    const core = await setUp();
    await alertIssue(core, ALERT);
    await alertIssue(core, 10);
    let from = gitea().requests.length;
    await core.handle(comment('bob', '/ack'));
    const byResponsible = writesSince(from, ALERT);
    from = gitea().requests.length;
    const reads = roleReads();
    await core.handle(comment('tina', '/ack', 10));
    const byMaintainer = writesSince(from, 10);
    expect(roleReads()).toBeGreaterThan(reads);
    expect(byMaintainer).toEqual(byResponsible);
    expect(byMaintainer.length).toBeGreaterThan(1);
    const alerts = await createAlertStore(redis.client).inMonth('2026-11');
    expect(alerts.map((a) => a.acknowledgedBy).sort()).toEqual(['bob', 'tina']);
  });

  it.each(['maint', 'lena'])(
    '%s mixes commands the role decides and ones it does not: each applied once, one reply',
    async (login) => {
      const core = await setUp();
      await alertIssue(core);
      const payload = comment(login, '/ack\n/severity warning\n/ping @eve is fsn1 back?\n/rotated keys');
      await core.handle(payload);
      const [reply = '', ...more] = repliesTo(payload.comment.id);
      expect(more).toEqual([]);
      expect(reply).toContain(`acknowledged by @${login}`);
      expect(reply).toContain('@eve: please answer in this issue');
      expect((await alertInstance())?.state).toBe('acknowledged');
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('severity/warning');
      expect(await createPingStore(redis.client).inMonth('2026-11')).toHaveLength(1);
      // /rotated is an operator's: lena is one (and a maintainer), maint is not.
      if (login === 'lena') expect(reply).toContain('credential rotation recorded for @lena');
      else expect(reply).toContain('only a registered operator may use this.');
      // The same comment handled again (a redelivery) changes nothing and answers nothing new.
      const comments = gitea().comments(PROGRAM_REPO, ALERT).length;
      await core.handle(payload);
      expect(gitea().comments(PROGRAM_REPO, ALERT)).toHaveLength(comments);
      expect(await createPingStore(redis.client).inMonth('2026-11')).toHaveLength(1);
    },
  );

  it.each([
    ['maint', true],
    ['tina', true],
    ['eve', false],
    ['dave', false],
  ] as const)(
    'the first event the bot sees of an alert is %s’s /severity warning: taken (%s) with the new instance',
    async (login, taken) => {
      const core = await setUp();
      await alertIssue(core, 11, false);
      const payload = comment(login, '/severity warning', 11);
      await core.handle(payload);
      expect((await alertInstance(11))?.state).toBe('open');
      expect(gitea().issueLabels(PROGRAM_REPO, 11).includes('severity/warning')).toBe(taken);
      const [reply = ''] = repliesTo(payload.comment.id, 11);
      if (taken) expect(reply).not.toContain('only');
      else expect(reply).toContain('only a maintainer may use this.');
    },
  );
});

describe('Gitea not answering who is a maintainer: the event fails, it is never decided without the role', () => {
  it.each([
    ['maint', PERMISSION],
    ['tina', TEAM_MEMBER],
    ['mallory', PERMISSION],
  ] as const)(
    '%s’s /severity warning while Gitea fails %s: no answer, nothing changed; the retry decides',
    async (login, path) => {
      const core = await setUp();
      await alertIssue(core);
      const payload = comment(login, '/severity warning');
      gitea().failNext({ method: 'GET', path, status: 500 });
      await expect(core.handle(payload)).rejects.toThrow();
      expect(repliesTo(payload.comment.id)).toEqual([]);
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).not.toContain('severity/warning');
      await core.handle(payload);
      const replies = repliesTo(payload.comment.id);
      expect(replies).toHaveLength(1);
      const maintainer = login !== 'mallory';
      expect(gitea().issueLabels(PROGRAM_REPO, ALERT).includes('severity/warning')).toBe(maintainer);
      expect(replies[0]?.includes('only a maintainer may use this.')).toBe(!maintainer);
    },
  );

  it('a close by a writer while Gitea fails the permission read is not undone until Gitea answers', async () => {
    const core = await setUp();
    await alertIssue(core);
    await api().setIssueState(repo, ALERT, 'closed');
    gitea().failNext({ method: 'GET', path: PERMISSION, status: 500 });
    await expect(core.handle(issueEvent('closed', 'tina', '2026-11-10T10:05:00Z'))).rejects.toThrow();
    expect(gitea().issue(PROGRAM_REPO, ALERT)?.state).toBe('closed');
    expect(notesTo('tina')).toEqual([]);
    await core.handle(issueEvent('closed', 'tina', '2026-11-10T10:05:00Z'));
    expect((await alertInstance())?.state).toBe('resolved');
    expect(notesTo('tina')).toEqual([]);
  });
});

describe('commands whose role check passes without the maintainer role, then look at it', () => {
  it.each([
    ['lena', true],
    ['tina', true],
    ['eve', false],
  ] as const)(
    '/nodes @bob 3 by %s (operator or maintainer may use /nodes; only a maintainer names another): applied %s',
    async (login, applied) => {
      const core = await setUp();
      const payload = comment(login, '/nodes @bob 3', PLAIN, []);
      await core.handle(payload);
      const [reply = ''] = repliesTo(payload.comment.id, PLAIN);
      if (applied) expect(reply).toContain('@bob runs 3 node(s) from');
      else expect(reply).toContain("only maintainers change another operator's node count");
    },
  );

  it.each([
    ['lena', '@carol', true],
    ['maint', '@carol', true],
    ['eve', '@carol', false],
    ['bob', '@bob', true],
  ] as const)(
    'in training, %s writes /shadow %s (a maintainer names any mentor): started %s',
    async (login, mentor, started) => {
      const core = await setUp();
      gitea().addIssue(PROGRAM_REPO, {
        number: 7,
        title: 'Application',
        body: completeForm,
        user: 'alice',
        labels: ['operator-application'],
      });
      await core.handle(applicationLabeled());
      await core.handle(comment('maint', '/approve', 7, ['operator-application'], 'alice'));
      expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training');
      const payload = comment(login, `/shadow ${mentor}`, 7, ['operator-application'], 'alice');
      await core.handle(payload);
      const instance = await createInstanceStore(redis.client).get(PROGRAM_REPO, 7, 'onboarding');
      const [reply = ''] = repliesTo(payload.comment.id, 7);
      if (started) {
        expect(instance?.data.mentor).toBe(mentor.slice(1));
        expect(reply).toContain(`the shadow week with ${mentor} starts now.`);
      } else {
        expect(instance?.data.mentor).toBeUndefined();
        expect(reply).toContain('only a maintainer, or the mentor themselves, may start the shadow week.');
      }
    },
  );
});
