import type { ProgramConfig } from '../config/program.js';
import type { WorkflowModule } from '../engine/module.js';
import { botLabels } from '../gitea/bot-labels.js';
import { repoRef } from '../gitea/client.js';
import { fromChecks, type Item } from './checklist.js';
import { failed, runInstallChecks } from './checks.js';
import { ensureFiles, type WantedFile } from './files-step.js';
import { issueForms } from './forms.js';
import type { GiteaAdmin } from './gitea-admin.js';
import { ensureLabels } from './labels-step.js';
import { CONFIG_PATH, starterConfig } from './starter-config.js';
import { setUpWebhook } from './webhook-setup.js';

export type InitOptions = {
  repo: string;
  giteaUrl: string;
  config: ProgramConfig;
  /** The workflows the bot runs (app/program.ts): their labels are created. */
  workflows: readonly WorkflowModule[];
  /** Where deliveries go; undefined when neither --webhook-url nor PUBLIC_URL is set. */
  webhookUrl: string | undefined;
  secret: string | undefined;
  envFile: string;
  dryRun: boolean;
  deliveryTimeoutMs: number;
};

/** The repo's admins other than the bot (the starter config's maintainers). */
async function repoAdmins(admin: GiteaAdmin, repo: ReturnType<typeof repoRef>, botLogin: string) {
  const admins: string[] = [];
  for (const login of await admin.collaborators(repo)) {
    if (login.toLowerCase() === botLogin.toLowerCase()) continue;
    const permission = await admin.permission(repo, login);
    if (permission === 'admin' || permission === 'owner') admins.push(login);
  }
  return admins;
}

/**
 * `operator-bot init`: (1) the install checks — any failure stops here; (2) every label the bot
 * uses; (3) the issue forms and a starter operator-bot.yaml, committed or proposed in a pull
 * request; (4) the webhook, verified by Gitea's test delivery. Each step reads first and writes
 * only what differs, so a second run changes nothing. Returns the checklist.
 */
export async function runInit(admin: GiteaAdmin, options: InitOptions): Promise<Item[]> {
  const repo = repoRef(options.repo);
  const { checks, facts } = await runInstallChecks(admin, {
    repo,
    teams: options.config.maintainers.teams,
    giteaUrl: options.giteaUrl,
  });
  const items = fromChecks(checks);
  if (failed(checks).length > 0 || !facts.botLogin || !facts.fullName) return items;
  const definitions = options.workflows.map((workflow) => workflow.definition);
  items.push(...(await ensureLabels(admin, repo, botLabels(definitions), options.dryRun)));

  const admins = await repoAdmins(admin, repo, facts.botLogin);
  const wanted: WantedFile[] = [
    ...issueForms(options.config).map((form): WantedFile => ({ ...form, mode: 'sync' })),
    {
      path: CONFIG_PATH,
      content: starterConfig({ repo: options.repo, name: options.config.program.name, admins }),
      mode: 'keep',
    },
  ];
  const fileItems = await ensureFiles(
    admin,
    repo,
    { defaultBranch: facts.defaultBranch, botLogin: facts.botLogin, dryRun: options.dryRun },
    wanted,
  );
  items.push(...fileItems);

  if (!options.webhookUrl) {
    items.push({
      status: 'fail',
      text: 'no webhook URL: set PUBLIC_URL (the address Gitea reaches the bot at) or pass --webhook-url',
    });
    return items;
  }
  const committed = fileItems.some((item) => item.status === 'changed' && item.text.startsWith('committed'));
  items.push(
    ...(await setUpWebhook(admin, repo, {
      url: options.webhookUrl,
      secret: options.secret,
      repoFullName: facts.fullName,
      envFile: options.envFile,
      dryRun: options.dryRun,
      deliveryTimeoutMs: options.deliveryTimeoutMs,
      hasCommits: !facts.empty || committed,
    })),
  );
  return items;
}
