import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPingStore } from '../../src/store/pings.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { openedIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

/**
 * Issue #14 "One command model", attacked through the worker's road (real Redis, Gitea
 * emulated): whatever one comment holds, every line the bot answers as done is done, and the
 * comment gets one reply. `maint` is a maintainer, `bob` and `eve` registered operators.
 */
const redis = useRedis();
const gitea = useFakeGitea();
const PLAIN = 20;
const AT = '2026-11-20T10:00:00Z';

let commentId = 9000;
const comment = (login: string, body: string, id = ++commentId) =>
  commentPayload('created', body, {
    issue: { number: PLAIN, labels: [], user: { login: 'bob' } },
    comment: { id, user: { login }, created_at: AT, updated_at: AT },
    sender: { login },
  });

const ALERT = 9;
const alertComment = (login: string, body: string, id = ++commentId) =>
  commentPayload('created', body, {
    issue: { number: ALERT, labels: [label('operator-alert')], user: { login: 'bob' } },
    comment: { id, user: { login }, created_at: AT, updated_at: AT },
    sender: { login },
  });
const alertOpened = () =>
  issuePayload('opened', {
    number: ALERT,
    issue: {
      number: ALERT,
      title: 'Gateway down',
      body: 'The gateway stopped answering.',
      labels: [label('operator-alert')],
      user: { login: 'bob' },
      created_at: AT,
      updated_at: AT,
    },
    sender: { login: 'bob' },
  });

const seal = () => createMarkerSeal(gitea().token);
/** The bot's replies to comment `id` in issue `issue`. */
const repliesIn = (issue: number, id: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .filter((c) => seal().read(c.body, 'reply', `${PROGRAM_REPO}#${issue}`).includes(String(id)));
const replyTo = (id: number) => repliesIn(PLAIN, id).map((c) => c.body);
/** The alert issue as Gitea has it before the bot saw anything of it. */
const addAlertIssue = () =>
  gitea().addIssue(PROGRAM_REPO, {
    number: ALERT,
    title: 'Gateway down',
    user: 'bob',
    labels: ['operator-alert'],
  });

async function setUp() {
  seedProgram(gitea());
  gitea().addUser('eve');
  const operators = createOperatorStore(redis.client);
  await operators.put(activeOperator('bob'));
  await operators.put(activeOperator('eve'));
  gitea().addIssue(PROGRAM_REPO, { number: PLAIN, title: 'Chat', user: 'bob' });
  return testCore(redis.client, gitea(), undefined, {
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

describe('a command line repeated in one comment', () => {
  it('every operator told to answer a /ping is held to it: two pings in one comment are two, or the second is refused', async () => {
    const core = await setUp();
    await core.handle(comment('maint', '/ping @bob is fsn1-b back?\n/ping @eve and hel1-a?'));
    const [reply = '', ...more] = replyTo(commentId);
    expect(more).toHaveLength(0);
    const asked = [...reply.matchAll(/@(\w+): please answer in this issue/g)].map((m) => m[1]);
    await core.fire(/^ping-/);
    const reminded = gitea()
      .comments(PROGRAM_REPO, PLAIN)
      .flatMap((c) => [...c.body.matchAll(/^@(\w+): @maint asked you a question/gm)].map((m) => m[1]));
    expect(reminded.sort()).toEqual(asked.sort());
    expect(asked).toEqual(['bob']);
    expect(reply).toContain('`/ping` is applied once per comment');
    const [tracked] = await createPingStore(redis.client).inMonth('2026-11');
    expect(tracked).toMatchObject({ login: 'bob', missed: true });
  });
});

describe('a retry after Gitea failed between the effects and the reply', () => {
  it('answers a comment mixing a workflow command and one of any issue once, and applies each once', async () => {
    const core = await setUp();
    addAlertIssue();
    await core.handle(alertOpened());
    const posts = gitea().requestsTo('POST', `/repos/${PROGRAM_REPO}/issues/${ALERT}/comments`).length;
    gitea().failNext({
      method: 'POST',
      path: `/repos/${PROGRAM_REPO}/issues/${ALERT}/comments`,
      status: 500,
    });
    const payload = alertComment('bob', '/rotated keys done\n/ack');
    await expect(core.handle(payload)).rejects.toThrow();
    await core.handle(payload);
    const replies = repliesIn(ALERT, commentId);
    expect(replies).toHaveLength(1);
    // The failed attempt and the one that posted: nothing else was written as a comment.
    expect(gitea().requestsTo('POST', `/repos/${PROGRAM_REPO}/issues/${ALERT}/comments`).length - posts).toBe(
      2,
    );
    expect(replies[0]?.body).toContain('credential rotation recorded for @bob');
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/acknowledged');
  });
});

describe('more command lines than a comment is read for', () => {
  it('the first line not read is answered, saying to write it again in a new comment', async () => {
    const core = await setUp();
    const body = [...Array.from({ length: 10 }, (_, i) => `/aprove ${i}`), '/rotated keys done', '/ack'].join(
      '\n',
    );
    await core.handle(comment('bob', body));
    const [reply = '', ...more] = replyTo(commentId);
    expect(more).toHaveLength(0);
    expect(reply.match(/did you mean/g)).toHaveLength(10);
    expect(reply).toContain(
      '`/rotated keys done`: not read: a comment is read for its first 10 command lines',
    );
    expect(reply.indexOf('not read')).toBeGreaterThan(reply.lastIndexOf('did you mean'));
    expect(reply).not.toContain('credential rotation recorded');
  });

  it('a command past ten lines of plain text is answered alone', async () => {
    const core = await setUp();
    const body = [...Array.from({ length: 10 }, (_, i) => `/shrug ${i}`), '/rotated'].join('\n');
    await core.handle(comment('bob', body));
    expect(replyTo(commentId)).toEqual([expect.stringContaining('`/rotated`: not read')]);
  });

  it('plain text past the tenth line that looks like a command gets no answer', async () => {
    const core = await setUp();
    const body = [...Array.from({ length: 10 }, (_, i) => `/aprove ${i}`), '/shrug'].join('\n');
    await core.handle(comment('bob', body));
    expect(replyTo(commentId)[0]).not.toContain('not read');
  });
});

describe('a command of any issue inside a workflow issue whose state has no such command', () => {
  it('a maintainer’s /terminate @op REASON in an exit notice terminates, as the command table says (any issue)', async () => {
    const core = await setUp();
    const EXIT = 50;
    await core.handle(
      openedIssue(gitea(), {
        number: EXIT,
        title: 'Exit notice: bob',
        body: '',
        label: 'exit-notice',
        by: { login: 'bob' },
        at: AT,
      }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, EXIT)).toContain('exit/notice');
    const id = ++commentId;
    await core.handle(
      commentPayload('created', '/terminate @bob leaked the fleet API key in a public paste', {
        issue: { number: EXIT, labels: [label('exit-notice')], user: { login: 'bob' } },
        comment: { id, user: { login: 'maint' }, created_at: AT, updated_at: AT },
        sender: { login: 'maint' },
      }),
    );
    const reply = repliesIn(EXIT, id);
    expect(reply).toEqual([
      expect.objectContaining({ body: expect.stringContaining('opening the termination of @bob') }),
    ]);
    expect(await core.fire(/^opened-termination-bob/)).toBe(1);
    expect((await createOperatorStore(redis.client).get('bob'))?.status).toBe('terminated');
  });
});

describe('a command in the comment that starts a workflow', () => {
  it('is applied after the start, not swallowed: an alert the bot first sees through a comment', async () => {
    const core = await setUp();
    addAlertIssue();
    await core.handle(alertComment('bob', '/ack'));
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/acknowledged');
    const replies = repliesIn(ALERT, commentId);
    expect(replies).toHaveLength(1);
  });

  it('a misplaced command in it is answered with where it works', async () => {
    const core = await setUp();
    addAlertIssue();
    await core.handle(alertComment('carol', '/approve'));
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/open');
    const replies = repliesIn(ALERT, commentId);
    expect(replies).toEqual([expect.objectContaining({ body: expect.stringContaining('not here') })]);
  });
});

describe('an edited comment', () => {
  it('is neither applied nor answered again, whatever the edit adds', async () => {
    const core = await setUp();
    const id = ++commentId;
    await core.handle(comment('maint', '/ping @bob is fsn1-b back?', id));
    const edited = commentPayload('edited', '/ping @eve and hel1-a?\n/terminate @bob because\n/aprove', {
      issue: { number: PLAIN, labels: [], user: { login: 'bob' } },
      comment: { id, user: { login: 'maint' }, created_at: AT, updated_at: '2026-11-20T10:05:00Z' },
      sender: { login: 'maint' },
    });
    await core.handle(edited);
    expect(replyTo(id)).toHaveLength(1);
    expect(
      gitea()
        .comments(PROGRAM_REPO, PLAIN)
        .filter((c) => c.user?.login === gitea().botLogin),
    ).toHaveLength(1);
    const pings = await createPingStore(redis.client).inMonth('2026-11');
    expect(pings.map((p) => p.login)).toEqual(['bob']);
    expect(core.timers.filter((t) => t.jobId.startsWith('opened-termination'))).toEqual([]);
  });
});
