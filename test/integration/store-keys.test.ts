import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { clearDerivedState, KEY_SPACES } from '../../src/store/key-spaces.js';
import { type KeySpace, scanKeys } from '../../src/store/keys.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

const redis = useRedis();
const gitea = useFakeGitea(undefined, [
  http.post('https://discord.com/api/webhooks/1/hook', () => new HttpResponse(null, { status: 204 })),
]);
const config = parseProgramConfig(`
alerts:
  ackWithin: { critical: 1s, warning: 4h }
  escalateEvery: 1s
escalation:
  contacts: [oncall]
  discordWebhookUrl: https://discord.com/api/webhooks/1/hook
`);

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** A Redis glob of `*` only, as the key spaces are written, as a regular expression. */
const globRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
const ownersOf = (key: string): KeySpace[] =>
  KEY_SPACES.filter((space) => space.patterns.some((pattern) => globRegex(pattern).test(key)));

/** The `ob:` keys written in code (comment lines left out), `${…}` parts as `x`, by file. */
function keysInSource(dir: string): { file: string; key: string }[] {
  const found: { file: string; key: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (/^\s*(\*|\/\/|\/\*)/.test(line)) continue;
      for (const match of line.matchAll(/[`'"](ob:[^`'"]*)[`'"]/g))
        found.push({
          file: relative(process.cwd(), path),
          key: (match[1] ?? '').replace(/\$\{[^}]*\}/g, 'x'),
        });
    }
  }
  return found;
}

describe('every Redis key belongs to one store, which says whether rebuild clears it', () => {
  it('builds each ob: key in a src/store module, covered by exactly one key space of the list rebuild clears from', () => {
    const keys = keysInSource('src');
    expect(keys.length).toBeGreaterThan(20);
    for (const { file, key } of keys) {
      expect(file, `${key} is built outside src/store`).toMatch(/^src\/store\//);
      expect(
        ownersOf(key).map((space) => space.store),
        `${key} (${file}) must be in exactly one key space of src/store/key-spaces.ts`,
      ).toHaveLength(1);
    }
  });

  it('no two key spaces share a key, and each is declared derived or kept with a reason', () => {
    const patterns = KEY_SPACES.flatMap((space) => space.patterns.map((pattern) => ({ space, pattern })));
    for (const { space, pattern } of patterns) {
      const sample = pattern.replaceAll('*', 'x');
      expect(
        ownersOf(sample).map((s) => s.store),
        `${pattern} of ${space.store}`,
      ).toEqual([space.store]);
      if (!space.derived) expect(space.kept.length).toBeGreaterThan(10);
    }
  });

  it('after a run through the intake, the worker, a notification and a month close, every key written is in one store; clearing leaves exactly the kept ones', {
    timeout: 30_000,
  }, async () => {
    seedProgram(gitea());
    const issue = gitea().addIssue(PROGRAM_REPO, {
      title: 'Gateway down on fsn1-node-2',
      user: 'bob',
      labels: ['operator-alert'],
    });
    await createOperatorStore(redis.client).put(activeOperator('bob'));
    bot = await startTestBot(redis.url, gitea(), { config });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const opened = issuePayload('opened', {
      number: issue.number,
      issue: {
        number: issue.number,
        title: issue.title,
        body: 'The gateway stopped answering.',
        labels: [label('operator-alert')],
        user: { login: 'bob' },
        created_at: now,
        updated_at: now,
      },
      sender: { login: 'bob' },
    });
    expect((await bot.deliver(opened)).status).toBe(202);
    const notes = () =>
      gitea()
        .comments(PROGRAM_REPO, issue.number)
        .filter((c) => c.body.includes('escalation-1'));
    await eventually(() => expect(notes()).toHaveLength(1), 8_000);
    const ack = commentPayload('created', '/ack', {
      issue: { number: issue.number, labels: [label('operator-alert')], user: { login: 'bob' } },
      comment: { id: 7001, user: { login: 'bob' }, created_at: now, updated_at: now },
      sender: { login: 'bob' },
    });
    expect((await bot.deliver(ack)).status).toBe(202);
    await eventually(() =>
      expect(gitea().issueLabels(PROGRAM_REPO, issue.number)).toContain('alert/acknowledged'),
    );
    await bot.stop();
    bot = undefined;
    const core = testCore(redis.client, gitea(), config);
    await core.runSchedule({ schedule: 'monthClose', firedAt: `${now.slice(0, 7)}-01T06:00:00.000Z` });
    await core.fire(/^opened-payroll-/);

    const written = [...new Set(await scanKeys(redis.client, 'ob:*'))];
    const stores = new Set<string>();
    for (const key of written) {
      const owners = ownersOf(key);
      expect(
        owners.map((space) => space.store),
        `${key} must be in exactly one key space`,
      ).toHaveLength(1);
      stores.add(owners[0]?.store ?? '');
    }
    // The run reached both kinds of store (so the check above is not vacuous).
    for (const store of ['instances', 'alerts', 'written', 'notifications', 'program-issues', 'operators'])
      expect(stores).toContain(store);
    for (const store of ['intake', 'people', 'webhook-deliveries', 'issue-contents', 'catch-up-cursors'])
      expect(stores).toContain(store);

    await clearDerivedState(redis.client);
    const left = [...new Set(await scanKeys(redis.client, 'ob:*'))];
    const kept = written.filter((key) => ownersOf(key)[0]?.derived === false);
    expect(left.sort()).toEqual(kept.sort());
  });
});
