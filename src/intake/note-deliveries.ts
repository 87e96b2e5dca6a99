import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDeliveryNotes, type DeliveryNote } from '../store/webhook-deliveries.js';
import { coalesceLatest } from './coalesce.js';
import type { WebhookDeps } from './webhook.js';

type Outcome = 'verified' | 'rejected';

/**
 * The intake's notes of the last verified and refused delivery per repository (what `doctor` and
 * /readyz show). Only the repositories the bot serves (`watched`, case-insensitive) are noted: a
 * refused delivery's repository is unverified, anyone could name any. The latest note per
 * repository and outcome is written every 200 ms, not a Redis write per delivery; `flush` writes
 * what is pending (at shutdown).
 */
export function createDeliveryNoter(redis: Redis, watched: readonly string[], log: Logger) {
  const served = new Set(watched.map((repo) => repo.toLowerCase()));
  const deliveryNotes = createDeliveryNotes(redis);
  const notes = coalesceLatest<{ repo: string; outcome: Outcome; note: DeliveryNote }>(
    async (entries) => {
      for (const [, { repo, outcome, note }] of entries) await deliveryNotes.note(repo, outcome, note);
    },
    200,
    (err) => log.warn({ err }, 'could not note the last deliveries'),
  );
  const noteDelivery: NonNullable<WebhookDeps['noteDelivery']> = async (repo, outcome, deliveryId, event) => {
    if (!served.has(repo.toLowerCase())) return;
    const note = { deliveryId, event, at: new Date().toISOString() };
    notes.note(`${repo.toLowerCase()}|${outcome}`, { repo, outcome, note });
  };
  return { noteDelivery, flush: notes.flush };
}
