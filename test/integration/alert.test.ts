import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const TELEGRAM_TOKEN = '123456:SECRET-telegram-token';
const chats: { channel: string; body: Record<string, unknown> }[] = [];
const redis = useRedis();
const gitea = useFakeGitea(undefined, [
  http.post('https://discord.com/api/webhooks/1/hook', async ({ request }) => {
    chats.push({ channel: 'discord', body: (await request.json()) as Record<string, unknown> });
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(`https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage`, async ({ request }) => {
    chats.push({ channel: 'telegram', body: (await request.json()) as Record<string, unknown> });
    return HttpResponse.json({ ok: true, result: {} });
  }),
]);

const config = parseProgramConfig(`
alerts:
  ackWithin: { critical: 1s, warning: 4h }
  escalateEvery: 1s
escalation:
  contacts: [oncall]
  discordWebhookUrl: https://discord.com/api/webhooks/1/hook
  telegram: { botToken: "${TELEGRAM_TOKEN}", chatId: "42" }
`);

let bot: TestBot | undefined;
const ISSUE = 9;
beforeEach(async () => {
  chats.length = 0;
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, {
    number: ISSUE,
    title: 'Gateway down on fsn1-node-2',
    user: 'bob',
    labels: ['operator-alert'],
  });
  await createOperatorStore(redis.client).put(activeOperator('bob'));
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const openedAt = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');
const opened = (msAgo = 0) =>
  issuePayload('opened', {
    number: ISSUE,
    issue: {
      number: ISSUE,
      title: 'Gateway down on fsn1-node-2',
      body: 'The gateway stopped answering.',
      labels: [label('operator-alert')],
      user: { login: 'bob' },
      created_at: openedAt(msAgo),
      updated_at: openedAt(msAgo),
    },
    sender: { login: 'bob' },
  });
const notes = (key: string) =>
  gitea()
    .comments(PROGRAM_REPO, ISSUE)
    .filter((c) => c.body.includes(`operator-bot:note ${key}`));
const ack = () =>
  commentPayload('created', '/ack', {
    issue: { number: ISSUE, labels: [label('operator-alert')], user: { login: 'bob' } },
    comment: { id: 7001, user: { login: 'bob' }, created_at: openedAt(0), updated_at: openedAt(0) },
    sender: { login: 'bob' },
  });

describe('alert escalation with durable deadlines', () => {
  it('escalates once per level, notifies each channel once per level, and stops at /ack', async () => {
    bot = await startTestBot(redis.url, gitea(), { config });
    expect((await bot.deliver(opened())).status).toBe(202);
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('alert/open'));
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('severity/critical'));
    await eventually(() => expect(notes('escalation-2')).toHaveLength(1), 8_000);
    expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('alert/escalated');
    expect(notes('escalation-1')[0]?.body).toContain('@oncall');
    expect((await bot.deliver(ack())).status).toBe(202);
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('alert/acknowledged'));
    const levelsAtAck = notes('escalation-').length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(notes('escalation-')).toHaveLength(levelsAtAck);
    for (let level = 1; level <= levelsAtAck; level++) expect(notes(`escalation-${level}`)).toHaveLength(1);
    expect(chats.filter((c) => c.channel === 'discord')).toHaveLength(levelsAtAck);
    expect(chats.filter((c) => c.channel === 'telegram')).toHaveLength(levelsAtAck);
    expect(chats.find((c) => c.channel === 'telegram')?.body).toMatchObject({ chat_id: '42' });

    const month = new Date().toISOString().slice(0, 7);
    const [record] = await createAlertStore(redis.client).inMonth(month);
    expect(record).toMatchObject({
      issue: `${PROGRAM_REPO}#${ISSUE}`,
      login: 'bob',
      severity: 'critical',
      acknowledgedBy: 'bob',
    });
    expect(record?.responseMs).toBeGreaterThan(1_000);
  });

  it('keeps the deadline across a restart of the bot, and fires it once', async () => {
    bot = await startTestBot(redis.url, gitea(), { config });
    await bot.deliver(opened());
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('alert/open'));
    await bot.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(notes('escalation-1')).toHaveLength(0);
    bot = await startTestBot(redis.url, gitea(), { config });
    await eventually(() => expect(notes('escalation-1')).toHaveLength(1), 5_000);
    await bot.deliver(ack());
    await eventually(() => expect(gitea().issueLabels(PROGRAM_REPO, ISSUE)).toContain('alert/acknowledged'));
    expect(chats.filter((c) => c.channel === 'discord').length).toBe(notes('escalation-').length);
  });

  it('alert #9 in fleet/ops_a and alert #9 in fleet_ops/a each escalate: their timers never share an id', async () => {
    const repos = ['fleet/ops_a', 'fleet_ops/a'];
    const issueIds = repos.map((repo) => {
      gitea().addRepo(repo);
      gitea().setPermission(repo, 'bob', 'read');
      return gitea().addIssue(repo, {
        number: ISSUE,
        title: 'Gateway down',
        user: 'bob',
        labels: ['operator-alert'],
      }).id;
    });
    // Alerts count only in the program's repositories (#14): these two are listed in program.repos.
    bot = await startTestBot(redis.url, gitea(), {
      config: { ...config, program: { ...config.program, repos } },
    });
    for (const [i, repo] of repos.entries()) {
      const [owner = '', name = ''] = repo.split('/');
      const payload = opened();
      const delivery = {
        ...payload,
        issue: { ...payload.issue, id: issueIds[i] ?? 0 },
        repository: {
          ...payload.repository,
          full_name: repo,
          name,
          owner: { ...payload.repository.owner, login: owner },
        },
      };
      expect((await bot.deliver(delivery)).status).toBe(202);
    }
    const escalated = (repo: string) =>
      gitea()
        .comments(repo, ISSUE)
        .filter((c) => c.body.includes('operator-bot:note escalation-1'));
    await eventually(() => {
      for (const repo of repos) expect(escalated(repo), repo).toHaveLength(1);
    }, 8_000);
  });

  it('escalates at once when the delivery arrives after its deadline', async () => {
    bot = await startTestBot(redis.url, gitea(), { config });
    await bot.deliver(opened(60 * 60_000));
    await eventually(() => expect(notes('escalation-1')).toHaveLength(1), 5_000);
    expect(notes('escalation-1')[0]?.body).toContain('@oncall');
  });
});
