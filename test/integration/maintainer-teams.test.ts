import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/logger.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea();
const config = parseProgramConfig('maintainers:\n  teams: [fleet/maintainers]\n');
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** The bot, its log lines kept; tina is in fleet/maintainers and has no role on the repository. */
async function start(arrange: () => void) {
  seedProgram(gitea());
  gitea().addIssue(PROGRAM_REPO, { number: 3, title: 'Ops', user: 'maint' });
  gitea().addUser('tina');
  gitea().setPermission(PROGRAM_REPO, 'tina', 'read');
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  arrange();
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  bot = await startTestBot(redis.url, gitea(), { config, log: createLogger('info', sink) });
  return { bot, lines };
}

const tinaPings = (id: number) => {
  // One time for both: Gitea saves a new comment with updated = created (two clocks could differ by
  // a second, which reads as an edit: src/commands/edited.ts).
  const now = new Date().toISOString();
  return commentPayload('created', '/ping @bob is fsn1-b back?', {
    issue: { number: 3, labels: [], user: { login: 'maint' } },
    comment: { id, user: { login: 'tina' }, created_at: now, updated_at: now },
    sender: { login: 'tina' },
  });
};

async function answerTo(running: TestBot, id: number) {
  expect((await running.deliver(tinaPings(id))).status).toBe(202);
  return eventually(() => {
    const answer = gitea()
      .comments(PROGRAM_REPO, 3)
      .find((c) => c.body.includes(`operator-bot:reply ${id}`));
    expect(answer).toBeDefined();
    return answer?.body ?? '';
  });
}

const readyz = async (running: TestBot) => {
  const response = await fetch(`${running.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const NEEDS =
  'the bot account @operator-bot cannot read the members of team fleet/maintainers: make it a member of that team or an owner of organization fleet';

describe('maintainers by team', () => {
  it('the bot is a member of the team: its members are maintainers, and the bot is ready', async () => {
    const { bot } = await start(() => gitea().addTeam('fleet/maintainers', ['tina', 'operator-bot']));
    expect(await answerTo(bot, 9101)).toContain('please answer in this issue');
    expect(await readyz(bot)).toMatchObject({ status: 200, body: { checks: { maintainerTeams: true } } });
  });

  it('the bot owns the org but is not in the team (team search finds nothing): the team is found by listing the org’s teams', async () => {
    const { bot } = await start(() => {
      gitea().addTeam('fleet/maintainers', ['tina']);
      gitea().addTeam('fleet/Owners', ['operator-bot']);
    });
    expect(await answerTo(bot, 9102)).toContain('please answer in this issue');
    expect((await readyz(bot)).status).toBe(200);
  });

  it('the bot is a site administrator: it reads any team', async () => {
    const { bot } = await start(() => {
      gitea().addTeam('fleet/maintainers', ['tina']);
      gitea().setSiteAdmin('operator-bot', true);
    });
    expect(await answerTo(bot, 9104)).toContain('please answer in this issue');
    expect((await readyz(bot)).status).toBe(200);
  });

  it.each([
    [
      'the bot is an org member outside the team',
      () => {
        gitea().addTeam('fleet/maintainers', ['tina']);
        gitea().addTeam('fleet/ops', ['operator-bot']);
      },
      NEEDS,
    ],
    ['the bot is not in the org', () => gitea().addTeam('fleet/maintainers', ['tina']), NEEDS],
    [
      'the team does not exist',
      () => gitea().addTeam('fleet/ops', ['operator-bot', 'tina']),
      'organization fleet has no team named maintainers',
    ],
  ])(
    '%s: nobody is recognised by it, one start-up line and /readyz say what the bot needs',
    async (_, arrange, reason) => {
      const { bot, lines } = await start(arrange);
      expect(await answerTo(bot, 9103)).toMatch(/: only a maintainer/);
      const { status, body } = await readyz(bot);
      expect(status).toBe(503);
      expect(body).toMatchObject({
        status: 'not ready',
        checks: { redis: true, gitea: true, maintainerTeams: false },
      });
      expect((body.problems as Record<string, string>).maintainerTeams).toContain(reason);
      const logged = lines.filter((l) => l.level >= 50 && l.msg.includes('fleet/maintainers'));
      expect(logged).toHaveLength(1);
      expect(logged[0]?.msg).toContain(reason);
    },
  );
});
