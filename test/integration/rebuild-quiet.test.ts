import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/app/program.js';
import { parseProgramConfig } from '../../src/config/load.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { rebuild } from '../../src/rebuild/rebuild.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const chats: unknown[] = [];
const redis = useRedis();
const gitea = useFakeGitea({ now: () => new Date('2026-11-20T10:00:00Z') }, [
  http.post('https://discord.com/api/webhooks/1/hook', async ({ request }) => {
    chats.push(await request.json());
    return new HttpResponse(null, { status: 204 });
  }),
]);
const config = parseProgramConfig(`
alerts:
  ackWithin: { critical: 30m, warning: 4h }
escalation:
  contacts: [oncall]
  discordWebhookUrl: https://discord.com/api/webhooks/1/hook
`);

describe('rebuild replays the history quietly', () => {
  it('an escalation the live bot announced in chat is not announced again by a rebuild', async () => {
    seedProgram(gitea());
    await createOperatorStore(redis.client).put(activeOperator('bob'));
    const alert = gitea().addIssue(PROGRAM_REPO, {
      title: 'Gateway down on fsn1-node-2',
      body: 'The gateway stopped answering.',
      user: 'bob',
      labels: ['operator-alert'],
    });
    const core = testCore(redis.client, gitea(), config);
    await core.handle(
      issuePayload('opened', {
        number: alert.number,
        issue: {
          number: alert.number,
          title: alert.title,
          body: alert.body,
          labels: [label('operator-alert')],
          user: { login: 'bob' },
          created_at: alert.created_at,
          updated_at: alert.updated_at,
        },
        sender: { login: 'bob' },
      }),
    );
    expect(await core.fire(/ackDeadline/)).toBe(1);
    expect(gitea().issueLabels(PROGRAM_REPO, alert.number)).toContain('alert/escalated');
    expect(chats).toHaveLength(1);
    const writesBefore = gitea().requests.filter((r) => r.method !== 'GET').length;

    await redis.client.flushall();
    await rebuild({
      redis: redis.client,
      gitea: createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }),
      config,
      program: loadProgram(config),
      programRepo: PROGRAM_REPO,
      repos: [PROGRAM_REPO],
      botLogin: gitea().botLogin,
      markerSecret: gitea().token,
      log: createLogger('silent'),
      now: '2026-11-20T12:00:00.000Z',
      scheduleFuture: async () => undefined,
    });

    expect(chats).toHaveLength(1);
    expect(gitea().requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });
});
