import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The built CLI, as `npm start` runs it. */
export const CLI = join(import.meta.dirname, '../../dist/src/cli.js');

/**
 * A fresh working directory for a CLI process: it holds no `.env` and no `operator-bot.yaml`,
 * so a test never reads the developer's files (the CLI reads both from its working directory).
 */
export function isolatedWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'ob-cli-'));
}

type CliOptions = { env: Record<string, string | undefined>; cwd?: string };

/** Starts `operator-bot ARGS` with exactly `env` (plus PATH) in `cwd` (default: a fresh empty directory). */
export function spawnCli(args: string[], options: CliOptions & Pick<SpawnOptions, 'stdio'>): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, ...options.env },
    cwd: options.cwd ?? isolatedWorkDir(),
    ...(options.stdio ? { stdio: options.stdio } : {}),
  });
}

const execFileAsync = promisify(execFile);

/** Runs `operator-bot ARGS` to its end with exactly `env` (plus PATH); rejects with `{ code, stdout, stderr }` on a non-zero exit. */
export function runCli(args: string[], options: CliOptions) {
  return execFileAsync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, ...options.env },
    cwd: options.cwd ?? isolatedWorkDir(),
  });
}
