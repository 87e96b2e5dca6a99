import type { ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/redis/embedded.js';
import { eventually, PROGRAM_REPO, signedForBot, WEBHOOK_SECRET } from '../support/bot.js';
import { isolatedWorkDir, runCli, spawnCli } from '../support/cli.js';
import { issueLabelPayload } from '../support/deliveries.js';
import { startHttpGitea } from '../support/gitea-http.js';
import { completeForm } from '../support/workflows.js';

let gitea: Awaited<ReturnType<typeof startHttpGitea>>;
let bot: ChildProcess;
let botUrl: string;
let logs = '';
let workDir: string;

const env = () => ({
  GITEA_URL: gitea.url,
  GITEA_TOKEN: gitea.gitea.token,
  WEBHOOK_SECRET,
  PROGRAM_REPO,
  LOG_LEVEL: 'info' as const,
  DATA_DIR: join(workDir, 'data'),
});

beforeAll(async () => {
  workDir = isolatedWorkDir();
  gitea = await startHttpGitea();
  gitea.gitea.addRepo(PROGRAM_REPO);
  gitea.gitea.addUser('alice');
  gitea.gitea.addIssue(PROGRAM_REPO, {
    number: 7,
    title: 'Operator application',
    body: completeForm,
    user: 'alice',
  });
  const port = await freePort();
  botUrl = `http://127.0.0.1:${port}`;
  // No REDIS_URL: the CLI starts its own embedded redis-server in DATA_DIR.
  bot = spawnCli(['serve'], { env: { ...env(), PORT: String(port) }, cwd: workDir });
  bot.stdout?.on('data', (chunk) => {
    logs += chunk;
  });
  bot.stderr?.on('data', (chunk) => {
    logs += chunk;
  });
  await eventually(async () => expect((await fetch(`${botUrl}/readyz`)).status).toBe(200), 15_000);
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill('SIGKILL');
  }
  await gitea?.close();
});

describe('operator-bot as a process', () => {
  it('serves health, readiness and metrics', async () => {
    expect(await (await fetch(`${botUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${botUrl}/readyz`)).json()).toMatchObject({
      checks: { redis: true, gitea: true },
    });
  });

  it('takes a signed delivery to a status comment and a label, and counts it in /metrics', async () => {
    const payload = issueLabelPayload(['operator-application'], {
      issue: { body: completeForm, updated_at: '2026-11-21T10:00:00Z' },
      sender: { login: 'alice' },
    });
    const { body, headers } = signedForBot(payload);
    const response = await fetch(`${botUrl}/webhooks/gitea`, { method: 'POST', body, headers });
    expect(response.status).toBe(202);
    await eventually(() =>
      expect(gitea.gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'),
    );
    await eventually(() => {
      const comments = gitea.gitea.comments(PROGRAM_REPO, 7);
      expect(comments.filter((c) => c.body.includes('operator-bot:state'))).toHaveLength(1);
    });
    const metrics = await eventually(async () => {
      const text = await (await fetch(`${botUrl}/metrics`)).text();
      // The start-up catch-up's own jobs count too (it found issue 7, opened before the bot ran).
      expect(text).toMatch(/operator_bot_jobs_total\{outcome="completed"\} [1-9]/);
      return text;
    });
    expect(metrics).toMatch(/operator_bot_webhooks_total\{event="issue_label",outcome="queued"\} 1/);
    expect(metrics).toMatch(/operator_bot_gitea_requests_total\{method="POST",status="201"\}/);
    gitea.gitea.assertContract();
  });

  it('logs JSON lines with the delivery id, and never the token or the secret', async () => {
    // Accepted deliveries are logged at debug; the worker's line about the event carries its delivery id.
    await eventually(() => expect(logs.split('\n').some((line) => line.includes('"deliveryId"'))).toBe(true));
    const lines = logs.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((line) => JSON.parse(line).deliveryId)).toBe(true);
    expect(logs).not.toContain(gitea.gitea.token);
    expect(logs).not.toContain(WEBHOOK_SECRET);
  });

  it('shuts down on SIGTERM within the bound, stopping its embedded Redis', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${botUrl}/healthz`)).rejects.toThrow();
  });
});

describe('operator-bot one-shot commands', () => {
  it('check-config accepts the defaults and names the key of a bad config', async () => {
    const ok = await runCli(['check-config'], { env: env(), cwd: workDir });
    expect(ok.stdout).toContain('OK');
    const file = join(workDir, 'bad.yaml');
    writeFileSync(file, 'payroll:\n  baseCents: lots\n');
    const bad = runCli(['check-config'], {
      env: { ...env(), PROGRAM_CONFIG: file },
      cwd: workDir,
    });
    await expect(bad).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('payroll.baseCents'),
    });
  });

  it('a mistyped flag is a usage error (exit 2, what to read), not a crash with a stack trace', async () => {
    const failure = await runCli(['doctor', '--bogus'], { env: {} }).then(
      () => expect.unreachable(),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("Unknown option '--bogus'");
    expect(failure.stderr).toContain('operator-bot --help');
    expect(failure.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect((await runCli(['operators', '--help'], { env: {} })).stdout).toContain('operators history LOGIN');
  });

  it('says which variables are missing instead of starting', async () => {
    const started = runCli(['serve'], { env: {} });
    await expect(started).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('GITEA_URL is not set — '),
    });
  });

  it('with a .env freshly copied from .env.example, tools run and serve names each value to fill in', async () => {
    const fresh = isolatedWorkDir();
    copyFileSync(join(import.meta.dirname, '../../.env.example'), join(fresh, '.env'));
    const tools = await runCli(['check-config'], { env: {}, cwd: fresh });
    expect(tools.stdout).toContain('OK');
    const serve = runCli(['serve'], { env: {}, cwd: fresh });
    const failure = await serve.then(
      () => expect.unreachable(),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    const lines = failure.stderr.trim().split('\n');
    expect(
      lines.filter((line) => / is not set — /.test(line)).map((line) => line.match(/(\w+) is not set/)?.[1]),
    ).toEqual(['GITEA_TOKEN', 'WEBHOOK_SECRET']);
    expect(failure.stderr).not.toMatch(/Too small|expected string/);
  });

  it('replay --dry-run prints the writes instead of sending them', async () => {
    const payload = issueLabelPayload(['operator-application'], {
      number: 8,
      issue: { number: 8, body: completeForm, updated_at: '2026-11-21T10:00:00Z' },
      sender: { login: 'alice' },
    });
    const file = join(workDir, 'delivery.json');
    writeFileSync(file, JSON.stringify(payload));
    const before = gitea.gitea.requests.filter((r) => r.method !== 'GET').length;
    const { stdout } = await runCli(['replay', file, '--dry-run', '--json'], {
      env: env(),
      cwd: workDir,
    });
    const writes = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(writes.map((w) => w.call)).toEqual(expect.arrayContaining(['createComment', 'addLabels']));
    expect(gitea.gitea.requests.filter((r) => r.method !== 'GET').length).toBe(before);
  });

  it('payroll preview --json prints the shape of INTERFACE.md', async () => {
    const { stdout } = await runCli(['payroll', 'preview', '--month', '2026-11', '--json'], {
      env: env(),
      cwd: workDir,
    });
    expect(JSON.parse(stdout)).toEqual({ month: '2026-11', lines: [], totalCents: 0 });
    const bad = runCli(['payroll', 'preview', '--month', 'November'], {
      env: env(),
      cwd: workDir,
    });
    await expect(bad).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--month YYYY-MM') });
    const month13 = runCli(['payroll', 'preview', '--month', '2026-13'], { env: env(), cwd: workDir });
    await expect(month13).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--month "2026-13" is not a month: write the year and the month number 01–12',
      ),
    });
    const badRepo = runCli(['init', '--repo', 'nope', '--dry-run'], { env: env(), cwd: workDir });
    await expect(badRepo).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--repo "nope" is not OWNER/REPO (e.g. fleet/program)'),
    });
  });

  it('operators list says when the registry is empty', async () => {
    const { stdout } = await runCli(['operators', 'list'], { env: env(), cwd: workDir });
    expect(stdout).toContain('No operators in the registry yet');
  });

  it('operators history names a login the registry does not know, exit code 1', async () => {
    const missing = runCli(['operators', 'history', '@nobody'], { env: env(), cwd: workDir });
    await expect(missing).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('@nobody is not in the operator registry'),
    });
  });
});
