import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createEventQueue } from '../../src/queue/event-queue.js';
import { type EmbeddedRedis, freePort, startEmbeddedRedis } from '../../src/redis/embedded.js';
import { eventually, PROGRAM_REPO, startTestBot, type TestBot } from '../support/bot.js';
import { spawnCli } from '../support/cli.js';
import { commentPayload, issueLabelPayload } from '../support/deliveries.js';
import { useCleanups } from '../support/fault-redis.js';
import { startHttpGitea } from '../support/gitea-http.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

const redis = useRedis();
const cleanups = useCleanups();

const labeled = () =>
  issueLabelPayload(['operator-application'], {
    issue: { body: completeForm, created_at: '2026-11-21T10:00:00Z', updated_at: '2026-11-21T10:00:00Z' },
    sender: { login: 'alice' },
  });

async function httpGitea() {
  const server = await startHttpGitea();
  cleanups.push(() => server.close());
  server.gitea.addRepo(PROGRAM_REPO);
  server.gitea.addUser('alice');
  server.gitea.addUser('maint');
  server.gitea.setPermission(PROGRAM_REPO, 'maint', 'admin');
  addApplicationIssue(server.gitea);
  return server;
}

function worker(redisUrl: string, giteaUrl: string, token: string): ChildProcess {
  const child = spawnCli(['worker'], {
    env: {
      REDIS_URL: redisUrl,
      GITEA_URL: giteaUrl,
      GITEA_TOKEN: token,
      PROGRAM_REPO,
      LOG_LEVEL: 'silent',
      WORKER_LOCK_MS: '1500',
    },
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return child;
}

describe('process faults', () => {
  it('a worker killed mid-job: another worker takes the stalled job over, with no duplicate write', async () => {
    const { gitea, url } = await httpGitea();
    const intake: TestBot = await startTestBot(redis.url, gitea, { worker: false });
    cleanups.push(() => intake.stop());
    // Gitea takes 2 s on the status comment: the first worker is killed while it waits.
    gitea.failNext({ method: 'POST', path: '/repos/{owner}/{repo}/issues/{index}/comments', delayMs: 2_000 });
    const first = worker(redis.url, url, gitea.token);
    expect((await intake.deliver(labeled())).status).toBe(202);
    await eventually(() => expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.kill('SIGKILL');
    worker(redis.url, url, gitea.token);
    await eventually(
      () =>
        expect(
          gitea.requestsTo('GET', '/repos/{owner}/{repo}/issues/{index}/comments').length,
        ).toBeGreaterThan(1),
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = gitea.comments(PROGRAM_REPO, 7).filter((c) => c.body.includes('operator-bot:state'));
    expect(status).toHaveLength(1);
  });

  it('a job whose worker dies mid-job twice is run a third time, not failed: the application goes on', async () => {
    const { gitea, url } = await httpGitea();
    const intake: TestBot = await startTestBot(redis.url, gitea, { worker: false });
    cleanups.push(() => intake.stop());
    const comments = '/repos/{owner}/{repo}/issues/{index}/comments';
    // The first worker dies while Gitea takes 2 s on the status comment, the second while it
    // takes 4 s listing the comments (to find the status comment the first one wrote).
    gitea.failNext({ method: 'POST', path: comments, delayMs: 2_000 });
    const first = worker(redis.url, url, gitea.token);
    expect((await intake.deliver(labeled())).status).toBe(202);
    await eventually(() => expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.kill('SIGKILL');
    const listed = gitea.requestsTo('GET', comments).length;
    gitea.failNext({ method: 'GET', path: comments, delayMs: 4_000 });
    const second = worker(redis.url, url, gitea.token);
    await eventually(() => expect(gitea.requestsTo('GET', comments).length).toBeGreaterThan(listed), 15_000);
    second.kill('SIGKILL');
    worker(redis.url, url, gitea.token);
    // The job is run a third time and completes (it was parked as failed after the second death).
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = createEventQueue(connection);
    cleanups.push(async () => {
      await queue.close();
      connection.disconnect();
    });
    const events = async (state: 'completed' | 'failed') =>
      (await queue.getJobs([state])).filter((job) => job.name === 'event').length;
    await eventually(async () => {
      expect({ completed: await events('completed'), failed: await events('failed') }).toEqual({
        completed: 1,
        failed: 0,
      });
    }, 30_000);
    // Its instance was saved: a maintainer's /approve moves the application on.
    const approve = commentPayload('created', '/approve', {
      comment: { id: 702 },
      sender: { login: 'maint' },
    });
    await eventually(async () => {
      expect((await intake.deliver(approve)).status).toBeLessThan(300);
      expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training');
    }, 30_000);
    const status = gitea.comments(PROGRAM_REPO, 7).filter((c) => c.body.includes('operator-bot:state'));
    expect(status).toHaveLength(1);
  });

  it('Redis restarted (AOF on): intake answers 503 while it is down, and work resumes after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ob-aof-'));
    const port = await freePort();
    let server: EmbeddedRedis = await startEmbeddedRedis(dir, { persist: true, port });
    cleanups.push(async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const { gitea } = await httpGitea();
    const bot = await startTestBot(server.url, gitea);
    cleanups.push(() => bot.stop());
    expect((await bot.deliver(labeled())).status).toBe(202);
    await eventually(() => expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));

    await server.stop();
    const approve = commentPayload('created', '/approve', {
      comment: { id: 701 },
      sender: { login: 'maint' },
    });
    expect((await bot.deliver(approve)).status).toBe(503);

    server = await startEmbeddedRedis(dir, { persist: true, port });
    const answer = await eventually(async () => {
      const response = await bot.deliver(approve);
      expect(response.status).toBe(202);
      return response;
    }, 15_000);
    expect(answer.status).toBe(202);
    await eventually(
      () => expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/training'),
      15_000,
    );
  });
});
