import { randomBytes } from 'node:crypto';
import type { RepoRef } from '../gitea/client.js';
import { hookSecret } from '../intake/signature.js';
import type { Item } from './checklist.js';
import { setDotEnvValue } from './dotenv-file.js';
import type { GiteaAdmin } from './gitea-admin.js';
import { verifyTestDelivery } from './verify-delivery.js';
import { ensureWebhook, setHookSecret } from './webhook-step.js';

export type WebhookSetup = {
  url: string;
  /** WEBHOOK_SECRET when set; otherwise one is generated and written to `envFile`. */
  secret: string | undefined;
  /** The repository's full name as Gitea has it: the hook's own secret is derived from it and the secret (hookSecret). */
  repoFullName: string;
  envFile: string;
  dryRun: boolean;
  deliveryTimeoutMs: number;
  /** False while the repository has no commit: Gitea 1.22 then sends no test delivery. */
  hasCommits: boolean;
};

/** Step 4 of init: the secret, the hook, and Gitea's test delivery verified by the running bot. */
export async function setUpWebhook(admin: GiteaAdmin, repo: RepoRef, setup: WebhookSetup): Promise<Item[]> {
  const items: Item[] = [];
  let secret = setup.secret;
  const generated = !secret;
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    if (setup.dryRun)
      items.push({ status: 'would', text: `would generate WEBHOOK_SECRET and write it to ${setup.envFile}` });
    else {
      setDotEnvValue(setup.envFile, 'WEBHOOK_SECRET', secret);
      items.push({ status: 'changed', text: `generated WEBHOOK_SECRET and wrote it to ${setup.envFile}` });
    }
  }
  const repoSecret = hookSecret(secret, setup.repoFullName);
  const hook = await ensureWebhook(admin, repo, {
    url: setup.url,
    secret: repoSecret,
    setSecret: generated,
    dryRun: setup.dryRun,
  });
  items.push(...hook.items);
  if (setup.dryRun || hook.hookId === undefined) {
    items.push({
      status: 'would',
      text: "would send Gitea's test delivery and wait for the bot to verify it",
    });
    return items;
  }
  if (generated) {
    items.push({
      status: 'left',
      text: `start (or restart) the bot so it reads WEBHOOK_SECRET from ${setup.envFile}, then run init again: it tests the webhook`,
    });
    return items;
  }
  if (!setup.hasCommits) {
    items.push({
      status: 'left',
      text: 'the repository has no commit yet, and Gitea sends no test delivery then: commit something and run init again',
    });
    return items;
  }
  let outcome = await verifyTestDelivery(admin, repo, hook.hookId, {
    webhookUrl: setup.url,
    timeoutMs: setup.deliveryTimeoutMs,
  });
  if (outcome === 'rejected') {
    await setHookSecret(admin, repo, hook.hookId, setup.url, repoSecret);
    items.push({
      status: 'changed',
      text: "set the webhook's secret to this repository's own, derived from WEBHOOK_SECRET (the bot refused the old one's signature)",
    });
    outcome = await verifyTestDelivery(admin, repo, hook.hookId, {
      webhookUrl: setup.url,
      timeoutMs: setup.deliveryTimeoutMs,
    });
  }
  items.push(outcomeItem(outcome, setup.url));
  return items;
}

function outcomeItem(outcome: string, url: string): Item {
  switch (outcome) {
    case 'verified':
      return {
        status: 'ok',
        text: `Gitea's test delivery reached the bot at ${url} and its signature verified`,
      };
    case 'rejected':
      return {
        status: 'fail',
        text: `Gitea's test delivery reached the bot but its signature did not verify: the bot's WEBHOOK_SECRET is not the one init set — restart the bot after changing .env`,
      };
    case 'bot-down':
      return {
        status: 'left',
        text: `the bot does not answer at ${new URL('/readyz', url)}: start it, then run init again to test the webhook`,
      };
    default:
      return {
        status: 'fail',
        text: `Gitea's test delivery did not reach the bot at ${url}: check that Gitea can reach that address and allows it ([webhook] ALLOWED_HOST_LIST), and the hook's "Recent Deliveries" in Gitea`,
      };
  }
}
