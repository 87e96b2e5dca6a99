import { describe, expect, it } from 'vitest';
import { createGiteaClient, type GiteaClient } from '../../src/gitea/client.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issueLabelPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { applicationsApproved, rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

// Issue #19: rebuild read Gitea one request at a time. It now keeps 4 requests in flight and
// replays in event order; it also keeps the ids of the bot's own comments it read, so the worker
// after it edits the status comment without listing the issue's comments again. It reads each
// issue once: its timeline holds its comments (a comment list per issue was half the reading).

const redis = useRedis();
const gitea = useFakeGitea();
const COMMENTS = '/repos/{owner}/{repo}/issues/{index}/comments';
const REPO_COMMENTS = '/repos/{owner}/{repo}/issues/comments';
const TIMELINE = '/repos/{owner}/{repo}/issues/{index}/timeline';

/** The real client, counting how many of its reads are in flight at once. */
function countingClient(): { client: GiteaClient; maxInFlight: () => number } {
  const real = createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
  let inFlight = 0;
  let max = 0;
  const counted =
    <A extends unknown[], T>(read: (...args: A) => Promise<T>) =>
    async (...args: A) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      try {
        // Gitea takes a moment: reads that may overlap do.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await read(...args);
      } finally {
        inFlight -= 1;
      }
    };
  return {
    client: {
      ...real,
      allIssues: counted(real.allIssues),
      listComments: counted(real.listComments),
      repoComments: counted(real.repoComments),
      timeline: counted(real.timeline),
      permission: counted(real.permission),
    },
    maxInFlight: () => max,
  };
}

const run = (client: GiteaClient) =>
  rebuildFromGitea(redis.client, gitea(), {
    gitea: client,
  });

describe('rebuild reads Gitea concurrently', () => {
  it('keeps at most 4 requests in flight, and replays every issue’s history in event order', async () => {
    seedProgram(gitea());
    applicationsApproved(gitea(), 12, completeForm);
    const { client, maxInFlight } = countingClient();
    const result = await run(client);
    expect(result).toMatchObject({ issues: 12, events: 24 });
    expect(maxInFlight()).toBe(4);
    const instances = await createInstanceStore(redis.client).all();
    expect(instances).toHaveLength(12);
    expect(instances.every((instance) => instance.state === 'training')).toBe(true);
  });

  it('keeps the id of the status comment the bot wrote: the next update edits it without listing comments', async () => {
    seedProgram(gitea());
    addApplicationIssue(gitea(), 'Application');
    const core = testCore(redis.client, gitea());
    await core.handle(
      issueLabelPayload(['operator-application'], {
        issue: { body: completeForm, user: { login: 'alice' } },
        sender: { login: 'alice' },
      }),
    );
    const status = gitea()
      .comments(PROGRAM_REPO, 7)
      .find((c) => c.body.includes('operator-bot:state'));
    expect(status).toBeDefined();
    await redis.client.flushall();
    await run(createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }));
    const listed = gitea().requestsTo('GET', COMMENTS).length;
    const approve = gitea().addComment(PROGRAM_REPO, 7, { user: 'maint', body: '/approve' });
    await core.handle(
      commentPayload('created', '/approve', { comment: { id: approve.id }, sender: { login: 'maint' } }),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training');
    expect(gitea().requestsTo('GET', COMMENTS)).toHaveLength(listed);
    expect(
      gitea()
        .comments(PROGRAM_REPO, 7)
        .filter((c) => c.body.includes('operator-bot:state')),
    ).toEqual([expect.objectContaining({ id: status?.id })]);
  });

  it('reads each issue once: its timeline holds its comments (no comment list, of the issue or the repo)', async () => {
    seedProgram(gitea());
    applicationsApproved(gitea(), 60, completeForm);
    const result = await run(
      createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }),
    );
    expect(result).toMatchObject({ issues: 60, events: 120 });
    expect(gitea().requestsTo('GET', REPO_COMMENTS)).toHaveLength(0);
    expect(gitea().requestsTo('GET', COMMENTS)).toHaveLength(0);
    // Each timeline to its end: Gitea sends no `Link` on it, so the empty page after it says so.
    const timelines = gitea()
      .requestsTo('GET', TIMELINE)
      .map((request) => request.path);
    expect(new Set(timelines).size).toBe(60);
    expect(timelines).toHaveLength(120);
    const instances = await createInstanceStore(redis.client).all();
    expect(instances.filter((instance) => instance.state === 'training')).toHaveLength(60);
  });

  it('reads a timeline of several pages whole: a command after 60 comments is replayed', async () => {
    seedProgram(gitea());
    addApplicationIssue(gitea(), 'Application');
    for (let i = 0; i < 60; i++) gitea().addComment(PROGRAM_REPO, 7, { user: 'bob', body: `chatter ${i}` });
    gitea().addComment(PROGRAM_REPO, 7, { user: 'maint', body: '/approve' });
    await run(createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }));
    // 61 comments: two pages of 50 and the empty third.
    expect(gitea().requestsTo('GET', TIMELINE)).toHaveLength(3);
    const instances = await createInstanceStore(redis.client).all();
    expect(instances.map((instance) => instance.state)).toEqual(['training']);
  });

  it('keeps the bound while replaying too: the applicants’ permissions are asked at most 4 at a time', async () => {
    seedProgram(gitea());
    // Each applicant's own `/approve` is judged by the maintainer role: their permission is asked of Gitea.
    applicationsApproved(gitea(), 12, completeForm, (applicant) => applicant);
    const { client, maxInFlight } = countingClient();
    await run(client);
    expect(
      gitea().requestsTo('GET', '/repos/{owner}/{repo}/collaborators/{collaborator}/permission'),
    ).toHaveLength(12);
    expect(maxInFlight()).toBe(4);
  });
});
