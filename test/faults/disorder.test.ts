import { describe, expect, it } from 'vitest';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issueLabelPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();

const issue = (updatedAt: string, labels = ['operator-application']) => ({
  number: 7,
  body: completeForm,
  labels: labels.map((name) => label(name)),
  created_at: '2026-11-20T10:00:00Z',
  updated_at: updatedAt,
});
const statusComments = () =>
  gitea()
    .comments(PROGRAM_REPO, 7)
    .filter((c) => c.body.includes('operator-bot:state'));
const stateOf = async () =>
  JSON.parse((await redis.client.get(`ob:instance:${PROGRAM_REPO}#7:onboarding`)) ?? '{}').state as
    | string
    | undefined;

async function setUp() {
  seedProgram(gitea());
  addApplicationIssue(gitea(), 'Application');
  return testCore(redis.client, gitea());
}

describe('events out of order', () => {
  it('an edit delivered before the opening: one status comment, the right state', async () => {
    const core = await setUp();
    await core.handle(
      issuePayload('edited', { issue: issue('2026-11-20T10:05:00Z'), sender: { login: 'alice' } }),
    );
    await core.handle(
      issuePayload('opened', { issue: issue('2026-11-20T10:00:00Z'), sender: { login: 'alice' } }),
    );
    expect(await stateOf()).toBe('screening');
    expect(statusComments()).toHaveLength(1);
  });

  it('a label removal delivered before the add does not undo the application', async () => {
    const core = await setUp();
    await core.handle(
      issueLabelPayload(['operator-application'], {
        issue: issue('2026-11-20T10:01:00Z'),
        sender: { login: 'alice' },
      }),
    );
    await core.handle(
      issueLabelPayload([], { issue: issue('2026-11-20T10:00:30Z', []), sender: { login: 'alice' } }),
    );
    expect(await stateOf()).toBe('screening');
    expect(statusComments()).toHaveLength(1);
  });

  it('a command delivered twice under two delivery ids, and a replay after later commands, is applied once', async () => {
    const core = await setUp();
    await core.handle(
      issuePayload('opened', { issue: issue('2026-11-20T10:00:00Z'), sender: { login: 'alice' } }),
    );
    const approve = commentPayload('created', '/approve', {
      issue: issue('2026-11-21T10:00:00Z'),
      comment: { id: 801, created_at: '2026-11-21T10:00:00Z', updated_at: '2026-11-21T10:00:00Z' },
      sender: { login: 'maint' },
    });
    await core.handle(approve);
    await core.handle(
      commentPayload('created', '/module 1', {
        issue: issue('2026-11-21T11:00:00Z'),
        comment: { id: 802, user: { login: 'alice' } },
        sender: { login: 'alice' },
      }),
    );
    await core.handle(approve);
    expect(await stateOf()).toBe('training');
    const instance = JSON.parse((await redis.client.get(`ob:instance:${PROGRAM_REPO}#7:onboarding`)) ?? '{}');
    expect(instance.applied).toEqual([801, 802]);
    expect(
      gitea()
        .comments(PROGRAM_REPO, 7)
        .filter((c) => c.body.includes('operator-bot:reply 801')),
    ).toHaveLength(0);
  });
});

describe('an application without its label', () => {
  it('is recognised from its body (form or markdown template), labelled and started', async () => {
    const { completeSeed } = await import('../support/workflows.js');
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, { number: 8, title: 'Application', body: completeSeed, user: 'alice' });
    await core.handle(
      issuePayload('opened', {
        number: 8,
        issue: {
          number: 8,
          body: completeSeed,
          labels: [],
          created_at: '2026-11-20T10:00:00Z',
          updated_at: '2026-11-20T10:00:00Z',
        },
        sender: { login: 'alice' },
      }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 8)).toEqual(
      expect.arrayContaining(['operator-application', 'onboarding/screening']),
    );
  });

  it('leaves an ordinary issue that merely mentions applications alone', async () => {
    // The intake no longer reads bodies (it may queue this one); the worker reads it and leaves it.
    const core = await setUp();
    const body = 'How do I fill in the operator application? Name, wallet…';
    gitea().addIssue(PROGRAM_REPO, { number: 9, title: 'Question', body, user: 'alice' });
    await core.handle(
      issuePayload('opened', {
        number: 9,
        issue: { number: 9, body, labels: [], created_at: '2026-11-20T10:00:00Z' },
        sender: { login: 'alice' },
      }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(gitea().comments(PROGRAM_REPO, 9)).toEqual([]);
  });

  it('is not queued at all when its body names no wallet', async () => {
    const { isRelevant } = await import('../../src/engine/relevance.js');
    const { botEvent } = await import('../support/events.js');
    const event = botEvent({ kind: 'issue.opened', issue: { labels: [], body: 'The docs have a typo.' } });
    expect(isRelevant(event, [])).toBe(false);
  });
});
