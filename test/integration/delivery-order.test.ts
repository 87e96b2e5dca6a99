import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createReportStore } from '../../src/store/reports.js';
import { createRotationStore } from '../../src/store/rotations.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

/**
 * Gitea sends deliveries from several workers: a comment written later can be handled first.
 * What stands is what was written last, whatever order the comments were handled in.
 */
const redis = useRedis();
const gitea = useFakeGitea();

let commentId = 6000;
const said = (body: string, at: string, id = ++commentId) =>
  commentPayload('created', body, {
    issue: { number: 12, labels: [], user: { login: 'bob' } },
    comment: { id, user: { login: 'bob' }, created_at: at, updated_at: at },
    sender: { login: 'bob' },
  });
const rotated = (at: string) => said('/rotated', at);

async function setUp() {
  seedProgram(gitea());
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  gitea().addIssue(PROGRAM_REPO, { number: 12, title: 'Tokens', body: '', user: 'bob' });
  return testCore(redis.client, gitea());
}
const replyTo = (id: number) =>
  gitea()
    .comments(PROGRAM_REPO, 12)
    .map((c) => c.body)
    .filter((body) => body.includes(`operator-bot:reply ${id} `));

describe('two /rotated handled in the opposite order to the one they were written in', () => {
  it('keep the newer as the last rotation; the older is the last as of a day between them', async () => {
    const core = await setUp();
    await core.handle(rotated('2026-11-20T10:00:00Z'));
    await core.handle(rotated('2026-11-02T10:00:00Z'));
    const rotations = createRotationStore(redis.client);
    expect(await rotations.all()).toEqual({ bob: '2026-11-20T10:00:00.000Z' });
    expect(await rotations.asOf('2026-11-10T00:00:00.000Z')).toEqual({ bob: '2026-11-02T10:00:00.000Z' });
  });
});

describe('two /report for one week handled in the opposite order to the one they were written in', () => {
  it('keep the later-written report, and the earlier one is answered that it was not recorded', async () => {
    const core = await setUp();
    await core.handle(said('/report uptime=99.9 tasks=40/40 week=2026-W46', '2026-11-20T11:00:00Z', 6102));
    await core.handle(said('/report uptime=90 tasks=10/40 week=2026-W46', '2026-11-20T10:00:00Z', 6101));
    const [stored] = await createReportStore(redis.client).of('bob');
    expect(stored?.report).toMatchObject({ week: '2026-W46', uptimePercent: 99.9, tasksCompleted: 40 });
    expect(replyTo(6102)).toEqual([expect.stringMatching(/^Recorded the report for \*\*2026-W46\*\*/)]);
    expect(replyTo(6101)).toEqual([
      expect.stringMatching(
        /^Not recorded: your report for \*\*2026-W46\*\* \(2026-11-09 – 2026-11-15\) from a comment written after this one stands\. Write `\/report` again to replace it\./,
      ),
    ]);
  });

  it('in writing order, the second replaces the first, as before', async () => {
    const core = await setUp();
    await core.handle(said('/report uptime=90 tasks=10/40 week=2026-W46', '2026-11-20T10:00:00Z', 6201));
    await core.handle(said('/report uptime=99.9 tasks=40/40 week=2026-W46', '2026-11-20T11:00:00Z', 6202));
    const [stored] = await createReportStore(redis.client).of('bob');
    expect(stored?.report).toMatchObject({ uptimePercent: 99.9 });
    expect(replyTo(6202)).toEqual([
      expect.stringMatching(/This replaces the earlier report for that week\./),
    ]);
  });
});

describe('an alert closed and reopened, the reopen handled first', () => {
  it('stays open: the close, undone since, is not decided, and the bot does not close the issue again', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 9,
      title: 'Gateway down',
      user: 'bob',
      labels: ['operator-alert'],
    });
    const alert = (action: 'opened' | 'closed' | 'reopened', at: string) =>
      issuePayload(action, {
        number: 9,
        issue: {
          number: 9,
          title: 'Gateway down',
          body: 'The gateway stopped answering.',
          labels: [label('operator-alert')],
          user: { login: 'bob' },
          created_at: '2026-11-20T10:00:00Z',
          updated_at: at,
          state: action === 'closed' ? 'closed' : 'open',
        },
        sender: { login: 'bob' },
      });
    await core.handle(alert('opened', '2026-11-20T10:00:00Z'));
    // bob closed it at 10:05 and reopened it at 10:10: Gitea has it open.
    await core.handle(alert('reopened', '2026-11-20T10:10:00Z'));
    await core.handle(alert('closed', '2026-11-20T10:05:00Z'));
    expect(gitea().issue(PROGRAM_REPO, 9)?.state).toBe('open');
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('alert/open');
    const instance = JSON.parse((await redis.client.get(`ob:instance:${PROGRAM_REPO}#9:alert`)) ?? '{}');
    expect(instance.state).toBe('open');
  });
});

describe('an alert a maintainer closed, reopened at once by someone who may not', () => {
  it("boss's close, handled after dave's reopen: the alert is resolved, dave's reopen is put back with a note, and its own delivery changes nothing", async () => {
    const core = await setUp();
    const g = gitea();
    g.addUser('boss', { password: 'boss-password' });
    g.setPermission(PROGRAM_REPO, 'boss', 'admin');
    g.addUser('dave', { password: 'dave-password' });
    g.setPermission(PROGRAM_REPO, 'dave', 'write');
    g.addIssue(PROGRAM_REPO, { number: 9, title: 'Gateway down', user: 'bob', labels: ['operator-alert'] });
    const delivered = (action: 'opened' | 'closed' | 'reopened', by: string) =>
      issuePayload(action, {
        number: 9,
        issue: {
          number: 9,
          title: 'Gateway down',
          labels: [label('operator-alert')],
          user: { login: 'bob' },
          state: action === 'closed' ? 'closed' : 'open',
          updated_at: new Date().toISOString(),
        },
        sender: { login: by },
      });
    const setState = (login: string, state: 'open' | 'closed') =>
      fetch(`${g.baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/9`, {
        method: 'PATCH',
        headers: {
          authorization: `Basic ${Buffer.from(`${login}:${login}-password`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ state }),
      });
    await core.handle(delivered('opened', 'bob'));
    expect(g.issueLabels(PROGRAM_REPO, 9)).toContain('alert/open');
    expect((await setState('boss', 'closed')).status).toBe(201);
    expect((await setState('dave', 'open')).status).toBe(201);

    await core.handle(delivered('closed', 'boss'));
    const instance = async () =>
      JSON.parse((await redis.client.get(`ob:instance:${PROGRAM_REPO}#9:alert`)) ?? '{}').state;
    expect(await instance()).toBe('resolved');
    expect(g.issue(PROGRAM_REPO, 9)?.state).toBe('closed');
    const daveNotes = () => g.comments(PROGRAM_REPO, 9).filter((c) => c.body.startsWith('@dave: only'));
    expect(daveNotes()).toHaveLength(1);

    await core.handle(delivered('reopened', 'dave'));
    expect(await instance()).toBe('resolved');
    expect(g.issue(PROGRAM_REPO, 9)?.state).toBe('closed');
    expect(daveNotes()).toHaveLength(1);
  });
});
