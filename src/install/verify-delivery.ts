import type { RepoRef } from '../gitea/client.js';
import type { DeliveryNotes } from '../store/last-deliveries.js';
import type { GiteaAdmin } from './gitea-admin.js';

export type DeliveryOutcome = 'verified' | 'rejected' | 'not-arrived' | 'bot-down';

/** The bot's /readyz beside its webhook URL (`…/webhooks/gitea` → `…/readyz`). */
export const readyzUrlFor = (webhookUrl: string) => new URL('/readyz', webhookUrl).toString();

async function deliveryNotes(readyzUrl: string): Promise<DeliveryNotes | undefined> {
  try {
    const response = await fetch(readyzUrl, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { webhooks?: DeliveryNotes };
    return body.webhooks ?? {};
  } catch {
    return undefined;
  }
}

/**
 * Has Gitea send the hook's test delivery and watches the bot's /readyz until the bot notes it:
 * `verified` (its signature matched WEBHOOK_SECRET), `rejected` (it arrived, the signature did
 * not match), `not-arrived` (nothing within `timeoutMs`: Gitea cannot reach the URL or refuses
 * the host), `bot-down` (the bot's /readyz does not answer, so nothing can be proven).
 */
export async function verifyTestDelivery(
  admin: GiteaAdmin,
  repo: RepoRef,
  hookId: number,
  target: { webhookUrl: string; timeoutMs: number },
): Promise<DeliveryOutcome> {
  const readyz = readyzUrlFor(target.webhookUrl);
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  const before = await deliveryNotes(readyz);
  if (!before) return 'bot-down';
  await admin.testHook(repo, hookId);
  const deadline = Date.now() + target.timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = (await deliveryNotes(readyz))?.[key];
    if (now?.verified && now.verified.deliveryId !== before[key]?.verified?.deliveryId) return 'verified';
    if (now?.rejected && now.rejected.deliveryId !== before[key]?.rejected?.deliveryId) return 'rejected';
  }
  return 'not-arrived';
}
