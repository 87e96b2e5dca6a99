import type { Redis } from 'ioredis';
import { z } from 'zod';
import { keySpace } from './keys.js';

const KEY = 'ob:webhook:deliveries';

export const webhookDeliveryKeys = keySpace({
  store: 'webhook-deliveries',
  patterns: [KEY],
  derived: false,
  kept: 'what the intake last saw of the deliveries (for doctor), not part of any issue history',
});

export const deliveryNoteSchema = z.object({ deliveryId: z.string(), event: z.string(), at: z.string() });
export type DeliveryNote = z.output<typeof deliveryNoteSchema>;
/** Per repository (lower-case `owner/repo`): the last delivery whose signature verified, and the last refused. */
export type DeliveryNotes = Record<string, { verified?: DeliveryNote; rejected?: DeliveryNote }>;

/**
 * The last verified and the last refused (bad signature) delivery per repository, so that
 * `init` can see Gitea's test delivery arrive (and whether the secrets agree) and /readyz can
 * say when Gitea last reached the bot. A refused delivery's repository is what its unverified
 * body claims: a hint for the admin, never trusted for anything else.
 */
export function createDeliveryNotes(redis: Redis) {
  return {
    async note(repo: string, outcome: 'verified' | 'rejected', note: DeliveryNote): Promise<void> {
      await redis.hset(KEY, `${repo.toLowerCase()}|${outcome}`, JSON.stringify(note));
    },
    async all(): Promise<DeliveryNotes> {
      const notes: DeliveryNotes = {};
      for (const [field, raw] of Object.entries(await redis.hgetall(KEY))) {
        const [repo = '', outcome] = field.split('|');
        const parsed = deliveryNoteSchema.safeParse(JSON.parse(raw));
        if (!parsed.success || (outcome !== 'verified' && outcome !== 'rejected')) continue;
        notes[repo] = { ...notes[repo], [outcome]: parsed.data };
      }
      return notes;
    },
  };
}
