import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport, type WeeklyReport } from '../../../../src/domain/reports/index.js';
import { previousIsoWeek } from '../../../../src/domain/time/iso-week.js';

const SCRIPT = resolve('scripts/fleet-metrics.sh');
const FIXTURES = resolve('test/fixtures/reports');
const NOW = new Date('2026-11-30T09:00:00Z');
const TOKEN = 's3cr3t-0123456789abcdef0123456789abcdef';
const SHELLS = [
  'sh',
  ...['dash', 'bash'].filter((shell) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0),
];

type Run = { status: number | null; stdout: string; stderr: string };

let sandbox: string;
let proc: string;
let bin: string;

/** A copy of the fixtures: `proc/` for PROC_ROOT, `bin/` with stand-ins for `df` and `sleep`. */
beforeEach(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'fleet-metrics-'));
  proc = join(sandbox, 'proc');
  bin = join(sandbox, 'bin');
  cpSync(join(FIXTURES, 'proc'), proc, { recursive: true });
  cpSync(join(FIXTURES, 'bin'), bin, { recursive: true });
  for (const tool of ['df', 'sleep']) chmodSync(join(bin, tool), 0o755);
});

afterEach(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

/** Only what the script is meant to see: no inherited TASKS_* or GITEA_* variables. */
function environment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    PROC_ROOT: proc,
    DF_TARGET: '/srv',
    ...extra,
  };
}

function run(args: string[], extra: Record<string, string> = {}, shell = 'sh'): Run {
  const result = spawnSync(shell, [SCRIPT, ...args], {
    env: environment(extra),
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(args: string[], extra: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'sh',
      [SCRIPT, ...args],
      { env: environment(extra), encoding: 'utf8', timeout: 10_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ status, stdout, stderr });
      },
    );
  });
}

function reportOf(output: string, now = NOW): WeeklyReport {
  const result = parseReport(output, now);
  if (!result.ok)
    throw new Error(`the script's output does not parse: ${JSON.stringify(result.problems)}\n${output}`);
  return result.report;
}

const FROM_FIXTURES: WeeklyReport = {
  week: previousIsoWeek(NOW),
  uptimePercent: 100,
  tasksCompleted: 42,
  tasksDispatched: 44,
  cpuPercent: 40,
  memPercent: 60,
  diskPercent: 70,
};

describe('fleet-metrics.sh on fixed /proc inputs', () => {
  it('prints a /report line the bot parses (execFileSync)', () => {
    const stdout = execFileSync('sh', [SCRIPT, '--tasks', '42/44'], { env: environment(), encoding: 'utf8' });
    // cpu: (400 busy of 1000 jiffies between the two samples); mem: (8000000 − 3200000) / 8000000
    expect(stdout).toBe('/report uptime=100 tasks=42/44 cpu=40 mem=60 disk=70\n');
    expect(reportOf(stdout)).toEqual(FROM_FIXTURES);
  });

  it.each(SHELLS)('prints the same under %s', (shell) => {
    const { status, stdout, stderr } = run(['--tasks=42/44'], {}, shell);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toBe('/report uptime=100 tasks=42/44 cpu=40 mem=60 disk=70\n');
  });

  it('prints the multi-line form, with tasks from the environment, the week and a note', () => {
    const { status, stdout } = run(
      ['--multiline', '--week', '2026-W46', '--note', 'kernel "6.8" \\ patched\nall nodes'],
      {
        TASKS_COMPLETED: '7',
        TASKS_DISPATCHED: '9',
      },
    );
    expect(status).toBe(0);
    expect(stdout).toBe(
      '/report\nuptime: 100%\ntasks: 7/9\ncpu: 40%\nmem: 60%\ndisk: 70%\nweek: 2026-W46\nnote: kernel "6.8" \\ patched all nodes\n',
    );
    expect(reportOf(stdout)).toEqual({
      ...FROM_FIXTURES,
      week: '2026-W46',
      tasksCompleted: 7,
      tasksDispatched: 9,
      note: 'kernel "6.8" \\ patched all nodes',
    });
  });

  it('counts the time before a recent boot as down, rounded down, and says so', () => {
    writeFileSync(join(proc, 'uptime'), '250000.55 900000.00\n');
    const { status, stdout, stderr } = run(['--tasks', '1/1']);
    expect(status).toBe(0);
    // 250000.55 / 604800 = 41.3360…%
    expect(reportOf(stdout).uptimePercent).toBe(41.33);
    expect(stderr).toMatch(
      /booted 2\.9 days ago; the time before the boot counts as down \(pass --uptime PERCENT/,
    );
  });

  it('takes --uptime over the /proc estimate', () => {
    writeFileSync(join(proc, 'uptime'), '600.00 1200.00\n');
    const { stdout, stderr } = run(['--tasks', '1/1', '--uptime', '99.95']);
    expect(reportOf(stdout).uptimePercent).toBe(99.95);
    expect(stderr).toBe('');
  });

  it('falls back to the CPU average since boot when /proc/stat does not move', () => {
    rmSync(join(proc, 'stat.next'));
    // 1500 busy of 10000 jiffies since boot
    expect(reportOf(run(['--tasks', '1/1']).stdout).cpuPercent).toBe(15);
  });

  it('reads memory on kernels without MemAvailable', () => {
    writeFileSync(
      join(proc, 'meminfo'),
      'MemTotal:        8000000 kB\nMemFree:         1000000 kB\nBuffers:          200000 kB\nCached:          1000000 kB\n',
    );
    // (8000000 − 2200000) / 8000000
    expect(reportOf(run(['--tasks', '1/1']).stdout).memPercent).toBe(72.5);
  });

  it('leaves out what it cannot read, with a warning, and still prints a valid report', () => {
    rmSync(join(proc, 'stat'));
    rmSync(join(proc, 'meminfo'));
    const { status, stdout, stderr } = run(['--tasks', '3/4'], {
      PATH: process.env.PATH ?? '',
      DF_TARGET: '/no/such/dir',
    });
    expect(status).toBe(0);
    expect(stdout).toBe('/report uptime=100 tasks=3/4\n');
    expect(stderr).toContain('cpu left out');
    expect(stderr).toContain('mem left out');
    expect(stderr).toContain('disk left out');
    expect(reportOf(stdout)).toEqual({
      week: previousIsoWeek(NOW),
      uptimePercent: 100,
      tasksCompleted: 3,
      tasksDispatched: 4,
    });
  });

  it('fails when /proc/uptime cannot be read and no --uptime is given', () => {
    rmSync(join(proc, 'uptime'));
    const { status, stdout, stderr } = run(['--tasks', '1/1']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot read');
  });

  it.each([
    [
      'no tasks',
      [],
      /tasks are required: pass --tasks COMPLETED\/DISPATCHED or set TASKS_COMPLETED and TASKS_DISPATCHED/,
    ],
    ['more completed than dispatched', ['--tasks', '45/44'], /45 completed is more than 44 dispatched/],
    ['tasks not numbers', ['--tasks', 'abc'], /tasks must be COMPLETED\/DISPATCHED in whole numbers/],
    ['a bad week', ['--tasks', '1/1', '--week', '2026-47'], /--week must be an ISO week like 2026-W47/],
    ['a bad uptime', ['--tasks', '1/1', '--uptime', '101'], /--uptime must be a percentage from 0 to 100/],
    ['an unknown option', ['--verbose'], /unknown option: --verbose/],
    ['an option without its value', ['--tasks'], /--tasks needs a value/],
    ['--post without an issue number', ['--tasks', '1/1', '--post', 'seven'], /--post needs an issue number/],
    ['--post without GITEA_URL', ['--tasks', '1/1', '--post', '7'], /--post needs GITEA_URL/],
  ])('refuses %s with exit 2', (_name, args, message) => {
    const { status, stdout, stderr } = run(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('explains itself with --help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: fleet-metrics\.sh/);
    expect(stdout).toContain('time before the last boot counts as down');
    expect(stdout).toContain('GITEA_TOKEN');
  });
});

describe('fleet-metrics.sh on this machine', () => {
  it.runIf(existsSync('/proc/stat') && existsSync('/proc/meminfo'))('measures the real /proc and df', () => {
    const { status, stdout } = spawnSync('sh', [SCRIPT, '--tasks', '5/5'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CPU_SAMPLE_SECONDS: '0.2' },
      encoding: 'utf8',
    });
    expect(status).toBe(0);
    const report = reportOf(stdout, new Date());
    for (const value of [report.uptimePercent, report.cpuPercent, report.memPercent, report.diskPercent]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
    const dfUse = Number(
      /(\d+)%/.exec(execFileSync('df', ['-P', '/'], { encoding: 'utf8' }).split('\n')[1] ?? '')?.[1],
    );
    expect(Math.abs((report.diskPercent ?? -1) - dfUse)).toBeLessThanOrEqual(1);
  });
});

describe('fleet-metrics.sh --post', () => {
  type Received = { method?: string; url?: string; headers: IncomingMessage['headers']; body: string };
  let server: Server | undefined;
  let received: Received[] = [];

  async function giteaAnswering(status: number, answer: (request: Received) => string): Promise<string> {
    received = [];
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const got = {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(got);
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(answer(got));
      });
    });
    await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await new Promise<void>((closed) => (server ? server.close(() => closed()) : closed()));
    server = undefined;
  });
  afterAll(() => {
    received = [];
  });

  it('posts the report as a comment with the token in the Authorization header', async () => {
    const url = await giteaAnswering(201, () => '{"id":1}');
    const { status, stdout, stderr } = await runAsync(
      ['--multiline', '--tasks', '42/44', '--note', 'say "hi" \\ café ✓', '--post', '7'],
      {
        GITEA_URL: `${url}/`,
        GITEA_TOKEN: TOKEN,
        GITEA_REPO: 'ops/fleet',
      },
    );
    expect(status).toBe(0);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/repos/ops/fleet/issues/7/comments');
    expect(request?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '') as { body: string };
    expect(Object.keys(body)).toEqual(['body']);
    expect(body.body).toBe(stdout.trimEnd());
    expect(reportOf(body.body)).toEqual({ ...FROM_FIXTURES, note: 'say "hi" \\ café ✓' });
    expect(stderr).toContain('posted the report on ops/fleet issue #7');
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
  });

  it('exits 1 on a non-2xx answer, with a message that does not show the token', async () => {
    const url = await giteaAnswering(500, (request) =>
      JSON.stringify({ message: `internal error, got ${request.headers.authorization}` }),
    );
    const { status, stdout, stderr } = await runAsync(['--tasks', '42/44', '--post', '7'], {
      GITEA_URL: url,
      GITEA_TOKEN: TOKEN,
      GITEA_REPO: 'ops/fleet',
    });
    expect(status).toBe(1);
    expect(received).toHaveLength(1);
    expect(stderr).toContain(
      `Gitea answered HTTP 500 to POST ${url}/api/v1/repos/ops/fleet/issues/7/comments`,
    );
    expect(stderr).toContain('internal error, got token ***');
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
  });

  it('exits 1 when Gitea cannot be reached', async () => {
    const url = await giteaAnswering(201, () => '{}');
    await new Promise<void>((closed) => server?.close(() => closed()));
    server = undefined;
    const { status, stderr } = await runAsync(['--tasks', '42/44', '--post', '7'], {
      GITEA_URL: url,
      GITEA_TOKEN: TOKEN,
      GITEA_REPO: 'ops/fleet',
    });
    expect(status).toBe(1);
    expect(stderr).toContain('could not reach Gitea');
    expect(stderr).not.toContain(TOKEN);
  });

  it.each([
    ['a repo without an owner', { GITEA_REPO: 'fleet' }, /--post needs GITEA_REPO=owner\/repo/],
    ['a token with a space', { GITEA_TOKEN: 'abc def' }, /GITEA_TOKEN contains spaces or control characters/],
    ['no token', { GITEA_TOKEN: '' }, /--post needs GITEA_TOKEN/],
  ])('refuses %s before measuring anything', (_name, override, message) => {
    const { status, stdout, stderr } = run(['--tasks', '1/1', '--post', '7'], {
      GITEA_URL: 'http://127.0.0.1:9',
      GITEA_TOKEN: TOKEN,
      GITEA_REPO: 'ops/fleet',
      ...override,
    });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(TOKEN);
  });
});
