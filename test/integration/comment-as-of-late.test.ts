import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { issueKey } from '../../src/store/keys.js';
import { createOpenIssueIndex } from '../../src/store/open-issues.js';
import {
  eventually,
  PROGRAM_REPO,
  seedProgram,
  signedForBot,
  startTestBot,
  type TestBot,
} from '../support/bot.js';
import { commentPayload, issueLabelPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { applicationLabeled, completeForm } from '../support/workflows.js';

// A comment's delivery holds the issue as Gitea had it when the comment was saved
// (services/webhook/notifier.go CreateIssueComment). Gitea sends deliveries from a queue with up
// to 10 workers at once (modules/setting/queue.go, queueSettingsDefault.MaxWorkers; the
// "webhook_sender" queue of services/webhook/deliver.go), and a failed one comes back only when a
// person presses Replay, later: a comment's delivery can reach the bot after the delivery of a
// change made to the issue after the comment. That change was handled on the issue read from
// Gitea; the comment's older copy of the issue must not undo it.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

/** Gitea's time (whole seconds) `seconds` from now: after all the emulator did before the test's comment. */
const giteaIn = (seconds: number) => new Date(Math.floor(Date.now() / 1000 + seconds) * 1000).toISOString();

const replies = (number: number, to: number) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .filter((c) => c.body.includes(`operator-bot:reply ${to} `));
/** Written now (the next second: after all the emulator did so far). */
const written = (id: number, body: string, number = 7, at = giteaIn(1)) =>
  gitea().asCommentSaved(
    commentPayload('created', body, {
      issue: { number },
      comment: { id, user: { login: 'alice' }, created_at: at, updated_at: at },
      sender: { login: 'alice' },
    }),
  );

/** Removes the trigger label from issue or pull request `number` in Gitea, as a maintainer would. */
async function removeTriggerInGitea(number: number) {
  const trigger = gitea()
    .repoLabels(PROGRAM_REPO)
    .find((l) => l.name === 'operator-application');
  await createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }).removeLabel(
    repoRef(PROGRAM_REPO),
    number,
    trigger?.id ?? 0,
  );
}

/** The delivery of that removal from an issue, a second after the comment was written. */
const triggerRemoved = (number: number) =>
  issueLabelPayload([], {
    issue: { number, body: completeForm, updated_at: giteaIn(2) },
    sender: { login: 'maint' },
  });

/**
 * Issue #9, labelled, which no workflow runs on yet. Made before the bot starts: its catch-up then
 * reads back from just after the start and does not find the issue as opened and labelled (it
 * would start onboarding on it, read before the test removes the label).
 */
const addLabelledIssue = () =>
  gitea().addIssue(PROGRAM_REPO, {
    number: 9,
    title: 'Operator application: alice',
    body: completeForm,
    user: 'alice',
    labels: ['operator-application'],
  });

/** Whether the bot wrote a workflow's status comment in issue `number` (a workflow started). */
const started = (number: number) =>
  gitea()
    .comments(PROGRAM_REPO, number)
    .some((c) => c.body.includes('operator-bot:state'));

async function openIndex(self: string) {
  const connection = new Redis(redis.url);
  try {
    return await createOpenIssueIndex(connection).others('onboarding', 'alice', self);
  } finally {
    connection.disconnect();
  }
}

async function startWithApplication() {
  bot = await startTestBot(redis.url, gitea());
  await bot.deliver(applicationLabeled());
  await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
  await eventually(async () =>
    expect(await openIndex(issueKey(PROGRAM_REPO, 99))).toEqual([issueKey(PROGRAM_REPO, 7)]),
  );
  return bot;
}

/** Closed a second after the comment was written. */
const closedByAlice = (number: number, labels: string[], at = giteaIn(2)) =>
  issuePayload('closed', {
    number,
    issue: {
      number,
      state: 'closed',
      title: 'Operator application: alice',
      body: completeForm,
      labels: labels.map((name) => label(name)),
      user: { login: 'alice' },
      updated_at: at,
      closed_at: at,
    },
    sender: { login: 'alice' },
  });

beforeEach(() => {
  seedProgram(gitea());
  addApplicationIssue(gitea());
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a comment delivery that arrives after a later change of its issue was handled', () => {
  it('the applicant closed her application after writing /status: the close stands, and her new application is not refused', async () => {
    const running = await startWithApplication();
    const status = written(910, '/status');
    await createGiteaClient({
      baseUrl: gitea().baseUrl,
      token: gitea().token,
      timeoutMs: 5_000,
    }).setIssueState(repoRef(PROGRAM_REPO), 7, 'closed');
    await running.deliver(closedByAlice(7, ['operator-application', 'onboarding/screening']));
    await eventually(async () => expect(await openIndex(issueKey(PROGRAM_REPO, 99))).toEqual([]));
    await running.deliver(status, { asSent: true });
    await eventually(() => expect(replies(7, 910)).toHaveLength(1));
    expect(await openIndex(issueKey(PROGRAM_REPO, 99))).toEqual([]);

    // Her new application is checked against her open applications: #7 is closed.
    gitea().addIssue(PROGRAM_REPO, {
      number: 8,
      title: 'Operator application: alice, again',
      body: completeForm,
      user: 'alice',
      labels: ['operator-application'],
    });
    await running.deliver(
      issueLabelPayload(['operator-application'], {
        issue: { number: 8, body: completeForm, created_at: giteaIn(2), updated_at: giteaIn(2) },
        sender: { login: 'alice' },
      }),
    );
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, 8)).toContain('onboarding/screening'));
    const said = gitea()
      .comments(PROGRAM_REPO, 8)
      .map((c) => c.body)
      .join('\n');
    expect(said).not.toContain('already have an open application');
  });

  it('a labelled issue closed before the bot tracked it: a comment written while it was open starts no workflow', async () => {
    addLabelledIssue();
    bot = await startTestBot(redis.url, gitea());
    const help = written(911, '/help', 9);
    await createGiteaClient({
      baseUrl: gitea().baseUrl,
      token: gitea().token,
      timeoutMs: 5_000,
    }).setIssueState(repoRef(PROGRAM_REPO), 9, 'closed');
    await bot.deliver(closedByAlice(9, ['operator-application']));
    await bot.deliver(help, { asSent: true });
    await eventually(() => expect(replies(9, 911)).toHaveLength(1));
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual(['operator-application']);
    expect(started(9)).toBe(false);
  });

  it('the trigger label removed from an issue no workflow runs on (a delivery the intake drops): a comment written before starts nothing', async () => {
    addLabelledIssue();
    bot = await startTestBot(redis.url, gitea());
    const help = written(912, '/help', 9);
    expect(help.issue.labels.map((l) => l.name)).toEqual(['operator-application']);
    await removeTriggerInGitea(9);
    expect((await bot.deliver(triggerRemoved(9))).status).toBe(204);
    await bot.deliver(help, { asSent: true });
    await eventually(() => expect(replies(9, 912)).toHaveLength(1));
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  // The intake keeps a dropped change's time in memory (src/intake/issue-change-notes.ts); a
  // comment it accepted before the change may still wait for a worker (a backlog, a worker in
  // another process), and is taken when the change is in Gitea.
  it('the same removal while the comment, accepted before it, waits for a worker: the comment starts nothing', async () => {
    addLabelledIssue();
    const intake = await startTestBot(redis.url, gitea(), { worker: false });
    bot = intake;
    expect((await intake.deliver(written(914, '/help', 9), { asSent: true })).status).toBe(202);
    await removeTriggerInGitea(9);
    expect((await intake.deliver(triggerRemoved(9))).status).toBe(204);

    // A worker in another process takes the comment now; the intake is still running.
    const worker = await startTestBot(redis.url, gitea());
    try {
      await eventually(() => expect(replies(9, 914)).toHaveLength(1));
    } finally {
      await worker.stop();
    }
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  // `operator-bot serve --no-worker` behind a load balancer: each intake process keeps the changes
  // it drops in its own memory, so the one that accepts the comment may know of none.
  it('two intake processes: the removal dropped by one, the comment written before it accepted late by the other: the comment starts nothing', async () => {
    addLabelledIssue();
    const first = await startTestBot(redis.url, gitea(), { worker: false });
    bot = first;
    const second = await startTestBot(redis.url, gitea());
    try {
      const help = written(915, '/help', 9, giteaIn(-20));
      await removeTriggerInGitea(9);
      expect((await first.deliver(triggerRemoved(9))).status).toBe(204);
      expect((await second.deliver(help, { asSent: true })).status).toBe(202);
      await eventually(() => expect(replies(9, 915)).toHaveLength(1));
    } finally {
      await second.stop();
    }
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  // The same with the comment written just now (within AS_OF_TRUSTED_MS), in either order: while
  // two intake processes run (src/store/intake-presence.ts), no comment's copy is trusted.
  it('two intake processes, the comment written just now: the removal dropped by one, then the comment accepted by the other: it starts nothing', async () => {
    addLabelledIssue();
    const first = await startTestBot(redis.url, gitea(), { worker: false });
    bot = first;
    const second = await startTestBot(redis.url, gitea());
    try {
      const help = written(916, '/help', 9);
      await removeTriggerInGitea(9);
      expect((await first.deliver(triggerRemoved(9))).status).toBe(204);
      expect((await second.deliver(help, { asSent: true })).status).toBe(202);
      await eventually(() => expect(replies(9, 916)).toHaveLength(1));
    } finally {
      await second.stop();
    }
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  it('two intake processes, the comment written just now: the comment accepted by one, then the removal dropped by the other; a worker takes the comment: it starts nothing', async () => {
    addLabelledIssue();
    const first = await startTestBot(redis.url, gitea(), { worker: false });
    bot = first;
    const second = await startTestBot(redis.url, gitea(), { worker: false });
    try {
      expect((await first.deliver(written(917, '/help', 9), { asSent: true })).status).toBe(202);
      await removeTriggerInGitea(9);
      expect((await second.deliver(triggerRemoved(9))).status).toBe(204);
      // A worker starts now and takes the comment; the second process still holds the removal.
      const worker = await startTestBot(redis.url, gitea());
      try {
        await eventually(() => expect(replies(9, 917)).toHaveLength(1));
      } finally {
        await worker.stop();
      }
    } finally {
      await second.stop();
    }
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  // A process killed (SIGKILL, the OOM killer) loses what it kept in memory; it counts as running
  // for INTAKE_PRESENT_MS after its last beat, longer than a comment's copy is trusted.
  it('an intake killed a second ago may have held the removal: a comment written just now, accepted by the one left, starts nothing', async () => {
    addLabelledIssue();
    bot = await startTestBot(redis.url, gitea());
    await redis.client.zadd('ob:intakes', Date.now() - 1_000, 'other-host:4242:killed');
    const help = written(918, '/help', 9);
    await removeTriggerInGitea(9);
    expect((await bot.deliver(help, { asSent: true })).status).toBe(202);
    await eventually(() => expect(replies(9, 918)).toHaveLength(1));
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toEqual([]);
    expect(started(9)).toBe(false);
  });

  it('a pull request: Gitea sends its label changes as an event type the bot does not take in, so its comments are decided on it read', async () => {
    gitea().addPullRequest(PROGRAM_REPO, {
      number: 12,
      title: 'Operator application: alice',
      body: completeForm,
      user: 'alice',
      labels: ['operator-application'],
      commits: [],
      diff: '',
    });
    bot = await startTestBot(redis.url, gitea());
    const help = gitea().asCommentSaved(
      commentPayload('created', '/help', {
        issue: { number: 12 },
        comment: { id: 913, user: { login: 'alice' }, created_at: giteaIn(1), updated_at: giteaIn(1) },
        sender: { login: 'alice' },
        is_pull: true,
      }),
    );
    expect(help.issue.labels.map((l) => l.name)).toEqual(['operator-application']);
    await removeTriggerInGitea(12);
    // services/webhook/notifier.go IssueChangeLabels: a pull request's labels come as pull_request_label.
    const { repository, sender } = issuePayload('opened', { sender: { login: 'maint' } });
    const unlabelled = signedForBot(
      { action: 'label_updated', number: 12, pull_request: { number: 12, labels: [] }, repository, sender },
      { event: 'pull_request', eventType: 'pull_request_label' },
    );
    expect((await fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', ...unlabelled })).status).toBe(204);
    await bot.deliver(help, { asSent: true });
    await eventually(() => expect(replies(12, 913)).toHaveLength(1));
    expect(started(12)).toBe(false);
  });
});
