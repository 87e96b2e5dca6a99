import { toIso } from '../domain/time/instant.js';

/**
 * `{ editedAt }` (ISO, Gitea's `updated_at`) for a new comment that Gitea has as edited in a later
 * second than it was written (`created_at`); `{}` otherwise. Gitea lets a repository's writers edit
 * anyone's comment and does not say who did, so its commands are answered, not run
 * (src/worker/handle-event.ts). An edit within the second it was written cannot be told: Gitea's
 * times are whole seconds. Used for comments read back from Gitea: the catch-up's lists
 * (normalize.ts) and program.repos deliveries (src/worker/confirm-delivery.ts).
 */
export function editedAfterWriting(createdAt: string, updatedAt: string | undefined): { editedAt?: string } {
  if (updatedAt === undefined || !(Date.parse(updatedAt) > Date.parse(createdAt))) return {};
  return { editedAt: toIso(updatedAt) };
}
