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
import { activeOperator } from '../support/workflows.js';

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
