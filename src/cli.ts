#!/usr/bin/env node
import { parseArgs } from 'node:util';
import pino from 'pino';
import { runCheckConfig } from './cli/check-config.js';
import { runDoctorCommand } from './cli/doctor.js';
import { commandHelp } from './cli/help.js';
import { runInitCommand } from './cli/init.js';
import { runJobsFailed, runJobsRetry } from './cli/jobs.js';
import { runOperatorHistory } from './cli/operator-history.js';
import { runOperatorsList } from './cli/operators.js';
import { runOperatorsImport } from './cli/operators-import.js';
import { runPayrollOpen, runPayrollPreview } from './cli/payroll.js';
import { runRebuild } from './cli/rebuild.js';
import { runReplay } from './cli/replay.js';
import { runServe } from './cli/serve.js';
import { ConfigError } from './config/errors.js';
import { loadEnv, loadProgramConfig, type Role, readDotEnv } from './config/load.js';
import { WorkflowDefinitionError } from './engine/load.js';
import { createLogger } from './logger.js';
import { DataDirLockedError } from './redis/data-dir.js';
import { RedisNotInstalledError } from './redis/embedded.js';

const USAGE = `Usage: operator-bot <command>   (operator-bot <command> --help for one command; docs/INTERFACE.md)

  serve [--no-worker]     webhook server (and, by default, the worker) — the default command
  worker                  the worker only (scale out: many workers on one Redis)
  replay FILE [--event issues|issue_label|issue_assign|issue_comment] [--dry-run [--json]]
                          process one recorded webhook payload as if delivered
  operators list [--json] the operator registry
  operators history LOGIN [--json]
                          an operator's history: stints, node and wallet changes
  operators import FILE.csv [--dry-run]
                          bring operators run by hand into the registry (recorded in Gitea)
  payroll preview --month YYYY-MM [--json]
                          the month's payroll as it stands (INTERFACE.md's JSON with --json)
  payroll open --month YYYY-MM
                          open (or refresh) the month's payroll issue now
  rebuild [--repo owner/repo]…
                          regrow the bot's state from the Gitea issue history (PROGRAM_REPO and these repos)
  jobs failed [--json]    jobs that failed after every retry
  jobs retry ID | --all   run failed jobs again
  check-config            validate the program config, templates and workflows
  init --repo OWNER/REPO [--webhook-url URL] [--dry-run] [--wait SECONDS]
                          install the bot into a repo: checks, labels, issue forms, config, webhook
  doctor                  what init would check and change for PROGRAM_REPO, without writing
`;

/** Node's parseArgs refusal (an unknown or malformed flag), answered as a usage error, not a crash. */
const isArgsError = (error: unknown): error is Error & { code: string } =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');

async function main(argv: string[]): Promise<number> {
  try {
    return await runCommand(argv);
  } catch (error) {
    if (!isArgsError(error)) throw error;
    console.error(
      `operator-bot: ${error.message}\nSee: operator-bot --help (or operator-bot COMMAND --help).`,
    );
    return 2;
  }
}

async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-worker': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      event: { type: 'string' },
      json: { type: 'boolean', default: false },
      month: { type: 'string' },
      repo: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      'webhook-url': { type: 'string' },
      wait: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    const topic = command === 'help' ? rest[0] : positionals.length > 0 ? command : undefined;
    console.log((topic && commandHelp(topic)) ?? USAGE);
    return 0;
  }
  readDotEnv();
  const needsGitea =
    command === 'worker' ||
    command === 'rebuild' ||
    (command === 'payroll' && rest[0] === 'open') ||
    (command === 'operators' && rest[0] === 'import' && !values['dry-run']);
  const role: Role = command === 'serve' ? 'serve' : needsGitea ? 'worker' : 'tool';
  const env = loadEnv(process.env, role);
  const { config, path } = loadProgramConfig(env.PROGRAM_CONFIG);
  // Only serve and worker log to stdout (their output is the log); one-shot commands keep stdout for
  // the person reading it and log to stderr.
  const longRunning = command === 'serve' || command === 'worker';
  const log = createLogger(
    env.LOG_LEVEL,
    longRunning ? undefined : pino.destination({ dest: 2, sync: true }),
  );
  switch (command) {
    case 'serve':
      await runServe(env, config, log, { server: true, worker: !values['no-worker'] });
      return -1;
    case 'worker':
      await runServe(env, config, log, { server: false, worker: true });
      return -1;
    case 'replay': {
      const file = rest[0];
      if (!file) {
        console.error('replay needs the path of a webhook payload JSON file.\n');
        console.error(USAGE);
        return 2;
      }
      return runReplay(env, config, log, {
        file,
        dryRun: values['dry-run'],
        json: values.json,
        ...(values.event ? { eventType: values.event } : {}),
      });
    }
    case 'operators':
      if (rest[0] === 'import' && rest[1]) return runOperatorsImport(env, config, rest[1], values['dry-run']);
      if (rest[0] === 'history' && rest[1])
        return runOperatorHistory(env, rest[1].replace(/^@/, ''), { json: values.json });
      if (rest[0] !== 'list') {
        console.error(
          'Did you mean: operator-bot operators list [--json], operators history LOGIN [--json] or operators import FILE.csv [--dry-run]',
        );
        return 2;
      }
      return runOperatorsList(env, { json: values.json });
    case 'payroll': {
      const month = values.month ?? '';
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || (rest[0] !== 'preview' && rest[0] !== 'open')) {
        const why =
          rest[0] !== 'preview' && rest[0] !== 'open'
            ? ''
            : month === ''
              ? '--month is missing. '
              : `--month ${JSON.stringify(month)} is not a month: write the year and the month number 01–12, e.g. --month 2026-11. `;
        console.error(
          `${why}Write: operator-bot payroll preview --month YYYY-MM [--json]  or  operator-bot payroll open --month YYYY-MM`,
        );
        return 2;
      }
      return rest[0] === 'preview'
        ? runPayrollPreview(env, config, month, values.json)
        : runPayrollOpen(env, config, log, month);
    }
    case 'jobs':
      if (rest[0] === 'failed') return runJobsFailed(env, values.json);
      if (rest[0] === 'retry') return runJobsRetry(env, rest[1], values.all);
      console.error('Write: operator-bot jobs failed [--json]  or  operator-bot jobs retry ID|--all');
      return 2;
    case 'rebuild':
      return runRebuild(env, config, log, values.repo ?? []);
    case 'check-config':
      return runCheckConfig(config, path);
    case 'init':
      return runInitCommand(env, config, {
        repo: values.repo?.[0],
        webhookUrl: values['webhook-url'],
        dryRun: values['dry-run'],
        waitSeconds: Number(values.wait) || 10,
      });
    case 'doctor':
      return runDoctorCommand(env, config);
    default:
      console.error(`Unknown command "${command}".\n`);
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof WorkflowDefinitionError ||
      error instanceof RedisNotInstalledError ||
      error instanceof DataDirLockedError
    ) {
      console.error(`operator-bot: ${error.message}`);
    } else {
      console.error('operator-bot: unexpected error:', error);
    }
    process.exit(1);
  },
);
