import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload, issueLabelPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

// The intake keeps the time of an issue change it drops in memory (src/intake/issue-change-notes.ts).
// A comment delivery it accepted before that change may still wait for a worker (a backlog, a
// worker in another process): when the worker takes it, the change is in Gitea, and the comment's
// copy of the issue (as of the comment) must not be trusted over it.

const redis = useRedis();
const gitea = useFakeGitea();
const running: TestBot[] = [];

/** Gitea's time (whole seconds) `seconds` from now: after all the emulator did before. */
const giteaIn = (seconds: number) => new Date(Math.floor(Date.now() / 1000 + seconds) * 1000).toISOString();

beforeEach(() => {
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, {
    number: 9,
    title: 'Operator application: alice',
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });
});
afterEach(async () => {
  for (const bot of running.splice(0)) await bot.stop();
});

describe('a comment accepted before a change the intake drops, handled after it', () => {
  it('the trigger label removed while the comment waited for a worker: the comment starts nothing', async () => {
    const intake = await startTestBot(redis.url, gitea(), { worker: false });
    running.push(intake);
    const help = gitea().asCommentSaved(
      commentPayload('created', '/help', {
        issue: { number: 9 },
        comment: { id: 914, user: { login: 'alice' }, created_at: giteaIn(1), updated_at: giteaIn(1) },
        sender: { login: 'alice' },
      }),
    );
    expect((await intake.deliver(help, { asSent: true })).status).toBe(202);

    await createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }).removeLabel(
      repoRef(PROGRAM_REPO),
      9,
      gitea()
        .repoLabels(PROGRAM_REPO)
        .find((l) => l.name === 'operator-application')?.id ?? 0,
    );
    const removed = await intake.deliver(
      issueLabelPayload([], {
        issue: { number: 9, body: completeForm, updated_at: giteaIn(2) },
        sender: { login: 'maint' },
      }),
    );
    expect(removed.status).toBe(204);

    // A worker (here another process) takes the comment now; the intake is still running.
    running.push(await startTestBot(redis.url, gitea()));
    await eventually(() =>
      expect(
        gitea()
          .comments(PROGRAM_REPO, 9)
          .filter((c) => c.body.includes('operator-bot:reply 914 ')),
      ).toHaveLength(1),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(
      gitea()
        .comments(PROGRAM_REPO, 9)
        .some((c) => c.body.includes('operator-bot:state')),
    ).toBe(false);
  });
});
