import { loadProgram } from '../app/program.js';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { hasFailures, renderChecklist } from '../install/checklist.js';
import { createGiteaAdmin } from '../install/gitea-admin.js';
import { runInit } from '../install/init.js';

export type InitArgs = {
  repo: string | undefined;
  webhookUrl: string | undefined;
  dryRun: boolean;
  /** Seconds to wait for Gitea's test delivery to reach the bot. */
  waitSeconds: number;
};

const REPO = /^[^/\s]+\/[^/\s]+$/;

/** `operator-bot init`: prints the checklist; exit 1 when a check failed, 2 on bad arguments. */
export async function runInitCommand(env: Env, config: ProgramConfig, args: InitArgs): Promise<number> {
  const repo = args.repo ?? env.PROGRAM_REPO;
  const missing = [
    ...(env.GITEA_URL ? [] : ['GITEA_URL: the base URL of your Gitea, e.g. https://gitea.example.org']),
    ...(env.GITEA_TOKEN ? [] : ["GITEA_TOKEN: the bot account's access token"]),
  ];
  if (missing.length > 0) {
    console.error(
      `operator-bot init needs, in the environment or .env:\n${missing.map((line) => `  ${line}`).join('\n')}`,
    );
    return 2;
  }
  if (!repo || !REPO.test(repo)) {
    const given = repo ? `--repo ${JSON.stringify(repo)} is not OWNER/REPO (e.g. fleet/program). ` : '';
    console.error(
      `${given}operator-bot init needs --repo OWNER/REPO (or PROGRAM_REPO): the program repository to install into.`,
    );
    return 2;
  }
  if (args.webhookUrl !== undefined && !URL.canParse(args.webhookUrl)) {
    console.error(
      `--webhook-url "${args.webhookUrl}" is not a URL: write it as http(s)://HOST[:PORT]/webhooks/gitea`,
    );
    return 2;
  }
  const admin = createGiteaAdmin({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
  });
  const webhookUrl = args.webhookUrl ?? (env.PUBLIC_URL ? `${env.PUBLIC_URL}/webhooks/gitea` : undefined);
  const items = await runInit(admin, {
    repo,
    giteaUrl: env.GITEA_URL ?? '',
    config,
    workflows: loadProgram(config).workflows,
    webhookUrl,
    secret: env.WEBHOOK_SECRET,
    envFile: '.env',
    dryRun: args.dryRun,
    deliveryTimeoutMs: args.waitSeconds * 1000,
  });
  const title = `operator-bot init ${repo}${args.dryRun ? ' (dry run)' : ''}`;
  process.stdout.write(renderChecklist(title, items, args.dryRun));
  return hasFailures(items) ? 1 : 0;
}
