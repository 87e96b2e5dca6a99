import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runOperatorsImport } from '../../src/cli/operators-import.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
const EVM = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const env = () =>
  loadEnv(
    { GITEA_URL: gitea().baseUrl, GITEA_TOKEN: gitea().token, PROGRAM_REPO, REDIS_URL: redis.url },
    'tool',
  );
const csv = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'ob-import-')), 'operators.csv');
  writeFileSync(file, text);
  return file;
};
const GOOD = `login,wallet,chain,nodes,activated,referrer\nalice,${EVM},base,3,2026-03-01,\nbob,${EVM},ethereum,2,2026-05-01,alice\n`;

describe('operators import', () => {
  it('puts the operators in the registry and records them in a closed issue that rebuild reads back', async () => {
    seedProgram(gitea());
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runOperatorsImport(env(), defaultProgramConfig(), csv(GOOD), false)).toBe(0);
    print.mockRestore();
    const registry = createOperatorStore(redis.client);
    const imported = await registry.all();
    expect(imported.map((r) => [r.login, r.nodes, r.chain, r.referrer, r.applicationIssue])).toEqual([
      ['alice', 3, 'base', undefined, `${PROGRAM_REPO}#1`],
      ['bob', 2, 'ethereum', 'alice', `${PROGRAM_REPO}#1`],
    ]);
    const issue = gitea().issue(PROGRAM_REPO, 1);
    expect(issue).toMatchObject({ state: 'closed', user: { login: 'operator-bot' } });
    expect(issue?.body).toContain('| @bob | 2 | ethereum |');

    await redis.client.flushall();
    await rebuildFromGitea(redis.client, gitea(), {
      botLogin: 'operator-bot',
      now: '2026-11-30T00:00:00.000Z',
    });
    expect(await registry.all()).toEqual(imported);
  });

  it('--dry-run writes nothing; a second import of the same operator is refused with the row', async () => {
    seedProgram(gitea());
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const complain = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runOperatorsImport(env(), defaultProgramConfig(), csv(GOOD), true)).toBe(0);
    expect(print.mock.calls[0]?.[0]).toMatch(/^Would import 2 operators \(dry run: nothing written\):/);
    expect(gitea().requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await createOperatorStore(redis.client).all()).toEqual([]);

    expect(await runOperatorsImport(env(), defaultProgramConfig(), csv(GOOD), false)).toBe(0);
    expect(await runOperatorsImport(env(), defaultProgramConfig(), csv(GOOD), false)).toBe(1);
    expect(complain.mock.calls.at(-1)?.[0]).toContain(
      'row 2 (alice), login: already in the registry (active since 2026-03-01) — remove the row',
    );
    print.mockRestore();
    complain.mockRestore();
  });
});
