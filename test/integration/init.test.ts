import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/app/program.js';
import { defaultProgramConfig, type ProgramConfig } from '../../src/config/program.js';
import { botLabels } from '../../src/gitea/bot-labels.js';
import { hasFailures, type Item, renderChecklist } from '../../src/install/checklist.js';
import { runDoctor } from '../../src/install/doctor.js';
import { createGiteaAdmin } from '../../src/install/gitea-admin.js';
import { type InitOptions, runInit } from '../../src/install/init.js';
import { HOOK_EVENTS_LISTED } from '../../src/install/webhook-step.js';
import { hookSecret } from '../../src/intake/signature.js';
import { PROGRAM_REPO, seedProgram, startTestBot, type TestBot, WEBHOOK_SECRET } from '../support/bot.js';
import type { FakeGitea } from '../support/gitea/index.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const FORMS = [
  '.gitea/ISSUE_TEMPLATE/exit-notice.yaml',
  '.gitea/ISSUE_TEMPLATE/operator-alert.yaml',
  '.gitea/ISSUE_TEMPLATE/operator-application.yaml',
];

/** The secret init gives the hook of fleet/`name`: its own, from its name. */
async function repositorySecret(g: FakeGitea, name: string) {
  const { full_name } = await admin(g).repository({ owner: 'fleet', name });
  return hookSecret(WEBHOOK_SECRET, full_name ?? '');
}

function admin(g: FakeGitea, token = g.token) {
  return createGiteaAdmin({
    baseUrl: g.baseUrl,
    token,
    timeoutMs: 5_000,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

async function init(overrides: Partial<InitOptions> = {}, token?: string): Promise<Item[]> {
  const g = gitea();
  return runInit(admin(g, token), {
    repo: PROGRAM_REPO,
    giteaUrl: g.baseUrl,
    config: defaultProgramConfig(),
    workflows: loadProgram(defaultProgramConfig()).workflows,
    webhookUrl: bot ? `${bot.url}/webhooks/gitea` : 'http://127.0.0.1:9/webhooks/gitea',
    secret: WEBHOOK_SECRET,
    envFile: join(mkdtempSync(join(tmpdir(), 'ob-init-')), '.env'),
    dryRun: false,
    deliveryTimeoutMs: 5_000,
    ...overrides,
  });
}

const texts = (items: Item[], status: Item['status']) =>
  items.filter((i) => i.status === status).map((i) => i.text);
/** Requests that changed something in Gitea (the scope probes answer 404 and change nothing). */
const writes = (g: FakeGitea) =>
  g.requests.filter((r) => r.method !== 'GET' && r.status < 400 && !r.path.endsWith('/tests'));
const labelNames = () => botLabels(loadProgram(defaultProgramConfig()).workflows.map((w) => w.definition));

describe('operator-bot init on an empty repository', () => {
  it('leaves labels, forms, config and a verified webhook; a second run changes nothing', async () => {
    const g = gitea();
    seedProgram(g);
    bot = await startTestBot(redis.url, g);

    const first = await init();
    expect(texts(first, 'fail')).toEqual([]);
    expect(texts(first, 'ok')).toContain(
      `Gitea's test delivery reached the bot at ${bot.url}/webhooks/gitea and its signature verified`,
    );
    // Every label the bot uses, trigger labels included (a form's unknown labels are dropped by Gitea).
    const labels = g.repoLabels(PROGRAM_REPO);
    for (const spec of labelNames()) {
      expect(labels.find((l) => l.name === spec.name)).toMatchObject({
        color: spec.color.slice(1),
        description: spec.description,
        exclusive: spec.exclusive,
      });
    }
    expect(labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['operator-alert', 'exit-notice', 'operator-application']),
    );
    const files = g.files(PROGRAM_REPO) ?? {};
    expect(Object.keys(files).sort()).toEqual([...FORMS, 'operator-bot.yaml'].sort());
    expect(files['operator-bot.yaml']).toMatch(/maintainers:\n {2}users:\n {4}- maint\n/);
    const [hook] = g.hooks(PROGRAM_REPO);
    expect(hook).toMatchObject({
      url: `${bot.url}/webhooks/gitea`,
      contentType: 'json',
      secret: hookSecret(WEBHOOK_SECRET, PROGRAM_REPO),
      active: true,
    });
    expect(new Set(hook?.events)).toEqual(new Set(HOOK_EVENTS_LISTED));
    expect(renderChecklist('init', first, false)).toContain('\nInstalled.\n');

    const before = writes(g).length;
    const second = await init();
    expect(writes(g).length).toBe(before);
    expect(texts(second, 'changed')).toEqual([]);
    expect(texts(second, 'ok')).toContain(
      `Gitea's test delivery reached the bot at ${bot.url}/webhooks/gitea and its signature verified`,
    );
    expect(renderChecklist('init', second, false)).toContain(
      'Nothing changed: everything was already installed.',
    );
    expect(g.hooks(PROGRAM_REPO)).toHaveLength(1);
  });

  it('--dry-run writes nothing and lists what it would do', async () => {
    const g = gitea();
    seedProgram(g);
    const items = await init({ dryRun: true });
    expect(writes(g)).toEqual([]);
    expect(g.deliveries).toEqual([]);
    expect(texts(items, 'would')).toEqual(
      expect.arrayContaining([
        'would create label operator-alert',
        `would commit ${[...FORMS, 'operator-bot.yaml'].map((p) => `${p} (new)`).join(', ')} to main`,
        'would create the webhook → http://127.0.0.1:9/webhooks/gitea',
      ]),
    );
    expect(renderChecklist('init', items, true)).toContain('Dry run: nothing was written.');
  });
});

describe('operator-bot init stops on what would make every job fail', () => {
  it('a rejected token stops at once with "token rejected", without retrying', async () => {
    const g = gitea();
    seedProgram(g);
    const items = await init({}, 'not-the-token');
    expect(items).toEqual([
      {
        status: 'fail',
        text: `token rejected by ${g.baseUrl} (401): create a new access token for the bot account and set GITEA_TOKEN`,
      },
    ]);
    expect(g.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /user 401']);
    g.violations.length = 0; // the wrong token is the point of this test
  });

  it('names each missing token scope and what it is for', async () => {
    const g = gitea();
    seedProgram(g);
    g.addTeam('fleet/stewards', ['maint', g.botLogin]);
    g.setTokenScopes(['read:user', 'write:issue', 'read:repository']);
    const config = {
      ...defaultProgramConfig(),
      maintainers: { users: [], teams: ['fleet/stewards'] },
    } as ProgramConfig;
    const items = await init({ config });
    expect(texts(items, 'fail')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the token lacks write:repository, needed to set up the webhook/),
        expect.stringMatching(
          /^the token lacks read:organization, needed to check the members of maintainers.teams/,
        ),
      ]),
    );
    expect(texts(items, 'ok')).toContain('the token has write:issue');
    expect(writes(g)).toEqual([]);
    g.setTokenScopes(['read:user', 'write:issue']);
    expect(texts(await init({ config }), 'fail')).toEqual([
      expect.stringMatching(/^the token lacks write:repository/),
    ]);
  });

  it('a bot with write, not admin, is told every command will fail with 403', async () => {
    const g = gitea();
    seedProgram(g);
    g.setPermission(PROGRAM_REPO, g.botLogin, 'write');
    const items = await init();
    expect(texts(items, 'fail')).toEqual([
      'operator-bot has write, not admin, on fleet/program: every command will fail with 403 (Gitea tells only admins who the maintainers are) — make operator-bot an admin collaborator of fleet/program',
    ]);
    expect(writes(g)).toEqual([]);
  });

  it('a maintainer team the bot cannot see is a failure naming the fix', async () => {
    const g = gitea();
    seedProgram(g);
    g.addTeam('fleet/stewards', ['maint']);
    const config = {
      ...defaultProgramConfig(),
      maintainers: { users: [], teams: ['fleet/stewards'] },
    } as ProgramConfig;
    const items = await init({ config });
    expect(texts(items, 'fail')).toEqual([
      'the bot account @operator-bot cannot read the members of team fleet/stewards: make it a member of that team or an owner of organization fleet',
    ]);
  });
});

describe('operator-bot init corrects what differs', () => {
  it('updates a label of the wrong colour and a hook without the label and assignee events', async () => {
    const g = gitea();
    seedProgram(g);
    bot = await startTestBot(redis.url, g);
    g.addLabel(PROGRAM_REPO, { name: 'operator-alert', color: '#000000', description: 'alerts' });
    await init();
    const hookId = g.hooks(PROGRAM_REPO)[0]?.id ?? 0;
    // An admin narrows the hook to "Issues" only, as the old README said.
    await admin(g).editHook({ owner: 'fleet', name: 'program' }, hookId, {
      config: { url: `${bot.url}/webhooks/gitea` },
      events: ['issues_only', 'issue_comment'],
      active: true,
    });
    const items = await init();
    expect(texts(items, 'changed')).toEqual([`updated the webhook → ${bot.url}/webhooks/gitea (events)`]);
    expect(new Set(g.hooks(PROGRAM_REPO)[0]?.events)).toEqual(new Set(HOOK_EVENTS_LISTED));
    const alert = g.repoLabels(PROGRAM_REPO).find((l) => l.name === 'operator-alert');
    expect(alert?.color).toBe(
      labelNames()
        .find((l) => l.name === 'operator-alert')
        ?.color.slice(1),
    );
  });

  it('run again with a new bot address, it names the hook left at the old one (it cannot tell it from another bot)', async () => {
    const g = gitea();
    seedProgram(g);
    bot = await startTestBot(redis.url, g);
    await init({ webhookUrl: 'http://old-host:8080/webhooks/gitea', deliveryTimeoutMs: 0 });
    const moved = await init();
    const old = g.hooks(PROGRAM_REPO).find((hook) => hook.url === 'http://old-host:8080/webhooks/gitea');
    expect(texts(moved, 'left')).toContainEqual(
      expect.stringContaining(
        `another webhook (#${old?.id}) also points at a bot: http://old-host:8080/webhooks/gitea`,
      ),
    );
    expect(g.hooks(PROGRAM_REPO)).toHaveLength(2);
  });

  // Gitea shows a hook's secret to every admin of its repository: one secret shared by every
  // watched repository would let an admin of any of them sign deliveries as the program repo's.
  it.each([
    ['an old secret', 'an-old-secret'],
    ['WEBHOOK_SECRET itself (set up before each repository had its own)', WEBHOOK_SECRET],
  ])(
    "a hook with %s: the bot refuses the test delivery's signature, init sets the repository's own secret",
    async (_what, old) => {
      const g = gitea();
      seedProgram(g);
      g.commitFiles(PROGRAM_REPO, { 'README.md': '# program\n' });
      bot = await startTestBot(redis.url, g);
      await admin(g).createHook(
        { owner: 'fleet', name: 'program' },
        {
          type: 'gitea',
          config: { url: `${bot.url}/webhooks/gitea`, content_type: 'json', secret: old },
          events: [],
          active: true,
        },
      );
      const items = await init();
      expect(texts(items, 'changed')).toContain(
        "set the webhook's secret to this repository's own, derived from WEBHOOK_SECRET (the bot refused the old one's signature)",
      );
      expect(texts(items, 'ok')).toContain(
        `Gitea's test delivery reached the bot at ${bot.url}/webhooks/gitea and its signature verified`,
      );
      expect(g.hooks(PROGRAM_REPO)[0]?.secret).toBe(await repositorySecret(g, 'program'));
    },
  );

  // init is run for each watched repository; a repository of `program.repos` is one: its test
  // delivery must be seen by the bot (/readyz) for init to find it refused and set its own secret.
  it('a repository of program.repos with a hook carrying WEBHOOK_SECRET: init sets its own secret and the test delivery verifies', async () => {
    const g = gitea();
    seedProgram(g);
    g.addRepo('fleet/second');
    g.commitFiles('fleet/second', { 'README.md': '# second\n' });
    const base = defaultProgramConfig();
    const config: ProgramConfig = { ...base, program: { ...base.program, repos: ['fleet/second'] } };
    bot = await startTestBot(redis.url, g, { config });
    await admin(g).createHook(
      { owner: 'fleet', name: 'second' },
      {
        type: 'gitea',
        config: { url: `${bot.url}/webhooks/gitea`, content_type: 'json', secret: WEBHOOK_SECRET },
        events: [],
        active: true,
      },
    );
    const items = await init({ repo: 'fleet/second', config });
    expect(texts(items, 'changed')).toContain(
      "set the webhook's secret to this repository's own, derived from WEBHOOK_SECRET (the bot refused the old one's signature)",
    );
    expect(texts(items, 'ok')).toContain(
      `Gitea's test delivery reached the bot at ${bot.url}/webhooks/gitea and its signature verified`,
    );
    expect(g.hooks('fleet/second')[0]?.secret).toBe(await repositorySecret(g, 'second'));
  });

  it('opens a pull request with the files when the default branch is protected', async () => {
    const g = gitea();
    seedProgram(g);
    g.commitFiles(PROGRAM_REPO, { 'README.md': '# program\n' });
    g.protectBranch(PROGRAM_REPO, { ruleName: 'main', enablePush: false });
    const items = await init({ webhookUrl: undefined });
    expect(texts(items, 'changed')).toEqual(
      expect.arrayContaining([
        'main is protected: committed the files to operator-bot/install',
        'opened pull request #1 with the files',
      ]),
    );
    expect(texts(items, 'left')).toEqual([
      'merge pull request #1 (main is protected, so init cannot commit to it)',
    ]);
    expect(Object.keys(g.files(PROGRAM_REPO, 'operator-bot/install') ?? {})).toEqual(
      expect.arrayContaining([...FORMS, 'operator-bot.yaml']),
    );
    expect(Object.keys(g.files(PROGRAM_REPO) ?? {})).toEqual(['README.md']);
    const again = await init({ webhookUrl: undefined });
    expect(texts(again, 'changed')).toEqual([]);
    expect(texts(again, 'left')).toEqual([
      'merge the open pull request from operator-bot/install (main is protected, so init cannot commit to it)',
    ]);
  });

  it('generates a webhook secret into .env when WEBHOOK_SECRET is unset, and says the bot must read it', async () => {
    const g = gitea();
    seedProgram(g);
    const envFile = join(mkdtempSync(join(tmpdir(), 'ob-init-')), '.env');
    const items = await init({ secret: undefined, envFile });
    const secret = /^WEBHOOK_SECRET=([0-9a-f]{64})$/m.exec(readFileSync(envFile, 'utf8'))?.[1];
    expect(secret).toBeDefined();
    expect(g.hooks(PROGRAM_REPO)[0]?.secret).toBe(hookSecret(secret ?? '', PROGRAM_REPO));
    expect(texts(items, 'left')).toEqual([expect.stringContaining('so it reads WEBHOOK_SECRET from')]);
  });
});

describe('operator-bot doctor', () => {
  it('reports what init would change, and nothing once init ran', async () => {
    const g = gitea();
    seedProgram(g);
    bot = await startTestBot(redis.url, g);
    const options = {
      repo: PROGRAM_REPO,
      giteaUrl: g.baseUrl,
      config: defaultProgramConfig(),
      workflows: loadProgram(defaultProgramConfig()).workflows,
      webhookUrl: `${bot.url}/webhooks/gitea`,
      secret: WEBHOOK_SECRET,
      envFile: '.env',
      deliveryTimeoutMs: 0,
    };
    const before = await runDoctor(admin(g), options);
    expect(texts(before, 'fail')).toContain(
      `not installed: init would create the webhook → ${bot.url}/webhooks/gitea — run operator-bot init`,
    );
    // An empty repository is not "installed": doctor fails (exit 1) and says so.
    expect(hasFailures(before)).toBe(true);
    expect(renderChecklist('doctor', before, false)).not.toContain('everything was already installed');
    expect(writes(g)).toEqual([]);
    await init();
    const after = await runDoctor(admin(g), options);
    expect(after.filter((i) => i.status === 'warn' || i.status === 'fail')).toEqual([]);
  });

  it('/readyz is not ready, with the reason, while the bot is not an admin', async () => {
    const g = gitea();
    seedProgram(g);
    g.setPermission(PROGRAM_REPO, g.botLogin, 'write');
    bot = await startTestBot(redis.url, g);
    const response = await fetch(`${bot.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'not ready',
      checks: { redis: true, gitea: true, install: false },
      problems: {
        install: expect.stringContaining(
          'operator-bot has write, not admin, on fleet/program: every command will fail with 403',
        ),
      },
    });
  });

  it('/readyz says whether the webhook is set up, without gating readiness on it', async () => {
    const g = gitea();
    seedProgram(g);
    bot = await startTestBot(redis.url, g, { env: { PUBLIC_URL: 'http://bot.example' } });
    const before = await fetch(`${bot.url}/readyz`);
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({
      webhook: 'fleet/program has no webhook to http://bot.example/webhooks/gitea: run operator-bot init',
    });
  });
});
