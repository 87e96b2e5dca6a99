import { loadProgram } from '../app/program.js';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { hasFailures, renderChecklist } from '../install/checklist.js';
import { runDoctor } from '../install/doctor.js';
import { createGiteaAdmin } from '../install/gitea-admin.js';

/** `operator-bot doctor`: what init would check and change for PROGRAM_REPO; exit 1 on a failure. */
export async function runDoctorCommand(env: Env, config: ProgramConfig): Promise<number> {
  const missing = (['GITEA_URL', 'GITEA_TOKEN', 'PROGRAM_REPO'] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    console.error(`operator-bot doctor needs ${missing.join(', ')} (in the environment or .env).`);
    return 2;
  }
  const admin = createGiteaAdmin({
    baseUrl: env.GITEA_URL ?? '',
    token: env.GITEA_TOKEN ?? '',
    timeoutMs: env.GITEA_TIMEOUT_MS,
  });
  const items = await runDoctor(admin, {
    repo: env.PROGRAM_REPO ?? '',
    giteaUrl: env.GITEA_URL ?? '',
    config,
    workflows: loadProgram(config).workflows,
    webhookUrl: env.PUBLIC_URL ? `${env.PUBLIC_URL}/webhooks/gitea` : undefined,
    secret: env.WEBHOOK_SECRET,
    envFile: '.env',
    deliveryTimeoutMs: 0,
  });
  process.stdout.write(renderChecklist(`operator-bot doctor ${env.PROGRAM_REPO}`, items, false));
  return hasFailures(items) ? 1 : 0;
}
