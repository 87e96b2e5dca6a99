import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/redis/data-dir.js';
import { freePort } from '../../src/redis/embedded.js';
import { eventually, PROGRAM_REPO, seedProgram, WEBHOOK_SECRET } from '../support/bot.js';
import { issueLabelPayload } from '../support/deliveries.js';
import { startHttpGitea } from '../support/gitea-http.js';
import { completeForm } from '../support/workflows.js';

const CLI = join(import.meta.dirname, '../../dist/src/cli.js');
const run = promisify(execFile);

let gitea: Awaited<ReturnType<typeof startHttpGitea>>;
let bot: ChildProcess;
let botUrl: string;
let workDir: string;

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  GITEA_URL: gitea.url,
  GITEA_TOKEN: gitea.gitea.token,
  WEBHOOK_SECRET,
  PROGRAM_REPO,
  PUBLIC_URL: botUrl,
  LOG_LEVEL: 'info' as const,
  DATA_DIR: join(workDir, 'data'),
  ...extra,
});
const cli = (args: string[], extra: Record<string, string> = {}) =>
  run(process.execPath, [CLI, ...args], { env: env(extra), cwd: workDir });

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'ob-e2e-init-'));
  gitea = await startHttpGitea();
  seedProgram(gitea.gitea);
  const port = await freePort();
  botUrl = `http://127.0.0.1:${port}`;
  bot = spawn(process.execPath, [CLI, 'serve'], { env: { ...env(), PORT: String(port) }, cwd: workDir });
  await eventually(async () => expect((await fetch(`${botUrl}/readyz`)).status).toBe(200), 15_000);
});

afterAll(async () => {
  // SIGTERM, not SIGKILL: serve then stops its embedded redis-server instead of leaving it running.
  if (bot && bot.exitCode === null) {
    const exited = new Promise((done) => bot.once('exit', done));
    bot.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    if (bot.exitCode === null) bot.kill('SIGKILL');
  }
  await gitea?.close();
});

describe('operator-bot init as a command, against a running bot', () => {
  it('installs into an empty repo with a verified webhook, prints a checklist and no log lines', async () => {
    const { stdout, stderr } = await cli(['init', '--repo', PROGRAM_REPO]);
    expect(stdout).toContain(
      `✓ Gitea's test delivery reached the bot at ${botUrl}/webhooks/gitea and its signature verified`,
    );
    expect(stdout).toContain('+ created label operator-alert');
    expect(stdout).toMatch(/\nInstalled\.\n$/);
    expect(`${stdout}${stderr}`).not.toMatch(/^\{/m);
    expect(gitea.gitea.hooks(PROGRAM_REPO)).toHaveLength(1);
  });

  it('a second run changes nothing and says so; doctor agrees', async () => {
    const { stdout } = await cli(['init', '--repo', PROGRAM_REPO]);
    expect(stdout).not.toMatch(/^ {2}\+ /m);
    expect(stdout).toContain('Nothing changed: everything was already installed.');
    const doctor = await cli(['doctor']);
    expect(doctor.stdout).not.toMatch(/^ {2}[!✗] /m);
    gitea.gitea.assertContract();
  });

  it('a wrong token stops at once with "token rejected" and exit 1', async () => {
    const started = Date.now();
    const failed = cli(['init', '--repo', PROGRAM_REPO], { GITEA_TOKEN: 'wrong' });
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('token rejected by'),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    gitea.gitea.violations.length = 0;
  });

  it('explains bad arguments with exit 2', async () => {
    const { PROGRAM_REPO: _unset, ...withoutRepo } = env();
    const started = run(process.execPath, [CLI, 'init'], { env: withoutRepo, cwd: workDir });
    await expect(started).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--repo OWNER/REPO'),
    });
  });
});

describe('the CLI and the running bot share one state', () => {
  it('payroll open while the bot serves writes into the bot’s Redis, not a second one', async () => {
    const lock = JSON.parse(readFileSync(join(workDir, 'data', LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: bot.pid, owner: 'serve' });
    await cli(['payroll', 'open', '--month', '2026-11']);
    const botRedis = new Redis(lock.port, '127.0.0.1');
    try {
      const issue = gitea.gitea.repoLabels(PROGRAM_REPO).find((label) => label.name === 'payroll');
      expect(issue).toBeDefined();
      expect(await botRedis.keys('ob:instance:*:payroll')).toHaveLength(1);
    } finally {
      botRedis.disconnect();
    }
    expect(JSON.parse(readFileSync(join(workDir, 'data', LOCK_FILE), 'utf8'))).toEqual(lock);
  });
});

describe('one-shot commands speak to people', () => {
  it('SUBCOMMAND --help prints that subcommand’s help', async () => {
    const { stdout } = await cli(['init', '--help']);
    expect(stdout).toMatch(/^operator-bot init --repo OWNER\/REPO/);
    expect(stdout).toContain('docs/INTERFACE.md');
    expect((await cli(['help', 'doctor'])).stdout).toMatch(/^operator-bot doctor\n/);
    expect((await cli(['--help'])).stdout).toMatch(/^Usage: operator-bot <command>/);
  });

  it('replay --dry-run prints each write readably, and no JSON log line on stdout', async () => {
    const payload = issueLabelPayload(['operator-application'], {
      number: 8,
      issue: { number: 8, body: completeForm, updated_at: '2026-11-21T10:00:00Z' },
      sender: { login: 'alice' },
    });
    gitea.gitea.addIssue(PROGRAM_REPO, {
      number: 8,
      title: 'Operator application',
      body: completeForm,
      user: 'alice',
    });
    const file = join(workDir, 'delivery.json');
    writeFileSync(file, JSON.stringify(payload));
    const { stdout } = await cli(['replay', file, '--dry-run']);
    expect(stdout).toMatch(/^would comment on fleet\/program#8:\n {4}/m);
    expect(stdout).toMatch(/^would add labels \[\d+\] \(ids\) to fleet\/program#8$/m);
    expect(stdout).not.toMatch(/^\{/m);
  });
});
