#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runCheckConfig } from './cli/check-config.js';
import { runJobsFailed, runJobsRetry } from './cli/jobs.js';
import { runOperatorHistory } from './cli/operator-history.js';
import { runOperatorsList } from './cli/operators.js';
import { runPayrollOpen, runPayrollPreview } from './cli/payroll.js';
import { runRebuild } from './cli/rebuild.js';
import { runReplay } from './cli/replay.js';
import { runServe } from './cli/serve.js';
import { ConfigError } from './config/errors.js';
import { loadEnv, loadProgramConfig, type Role, readDotEnv } from './config/load.js';
import { WorkflowDefinitionError } from './engine/load.js';
import { createLogger } from './logger.js';
import { RedisNotInstalledError } from './redis/embedded.js';

const USAGE = `Usage: operator-bot <command>

  serve [--no-worker]     webhook server (and, by default, the worker) — the default command
  worker                  the worker only (scale out: many workers on one Redis)
  replay FILE [--event issues|issue_label|issue_assign|issue_comment] [--dry-run]
                          process one recorded webhook payload as if delivered
  operators list [--json] the operator registry
  operators history LOGIN [--json]
                          an operator's history: stints, node and wallet changes
  payroll preview --month YYYY-MM [--json]
                          the month's payroll as it stands (INTERFACE.md's JSON with --json)
  payroll open --month YYYY-MM
                          open (or refresh) the month's payroll issue now
  rebuild [--repo owner/repo]…
                          regrow the bot's state from the Gitea issue history (PROGRAM_REPO and these repos)
  jobs failed [--json]    jobs that failed after every retry
  jobs retry ID | --all   run failed jobs again
  check-config            validate the program config, templates and workflows
`;

async function main(argv: string[]): Promise<number> {
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  readDotEnv();
  const needsGitea =
    command === 'worker' || command === 'rebuild' || (command === 'payroll' && rest[0] === 'open');
  const role: Role = command === 'serve' ? 'serve' : needsGitea ? 'worker' : 'tool';
  const env = loadEnv(process.env, role);
  const { config, path } = loadProgramConfig(env.PROGRAM_CONFIG);
  const log = createLogger(env.LOG_LEVEL);
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
        ...(values.event ? { eventType: values.event } : {}),
      });
    }
    case 'operators':
      if (rest[0] === 'history' && rest[1])
        return runOperatorHistory(env, rest[1].replace(/^@/, ''), { json: values.json });
      if (rest[0] !== 'list') {
        console.error(
          'Did you mean: operator-bot operators list [--json]  or  operator-bot operators history LOGIN [--json]',
        );
        return 2;
      }
      return runOperatorsList(env, { json: values.json });
    case 'payroll': {
      const month = values.month ?? '';
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || (rest[0] !== 'preview' && rest[0] !== 'open')) {
        console.error(
          'Write: operator-bot payroll preview --month YYYY-MM [--json]  or  operator-bot payroll open --month YYYY-MM',
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
      error instanceof RedisNotInstalledError
    ) {
      console.error(`operator-bot: ${error.message}`);
    } else {
      console.error('operator-bot: unexpected error:', error);
    }
    process.exit(1);
  },
);
