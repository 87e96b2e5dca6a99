import { describe, expect, it } from 'vitest';
import { AS_OF_TRUSTED_MS, createIssueNow } from '../../src/worker/issue-now.js';
import { botEvent } from '../support/events.js';
import { useRedis } from '../support/redis.js';

// A comment delivery's copy of its issue is trusted only while the comment is fresh
// (src/worker/issue-now.ts AS_OF_TRUSTED_MS): later, a change made since may be known only to
// another intake process's memory.

const redis = useRedis();
const WRITTEN = Date.parse('2026-11-30T10:00:00Z');

const comment = botEvent({
  kind: 'comment.created',
  at: new Date(WRITTEN).toISOString(),
  comment: { id: 5, body: '/status', createdAt: new Date(WRITTEN).toISOString() },
  asOfComment: { actorAdmin: false },
});

describe('a comment delivery is decided on its own copy of the issue only while fresh', () => {
  it.each<{ name: string; handledAfterMs: number; read: boolean }>([
    { name: 'handled as it is written', handledAfterMs: 0, read: false },
    { name: 'handled at the limit', handledAfterMs: AS_OF_TRUSTED_MS, read: false },
    {
      name: 'handled a millisecond past it (late delivery, backlog)',
      handledAfterMs: AS_OF_TRUSTED_MS + 1,
      read: true,
    },
    { name: 'handled a minute later', handledAfterMs: 60_000, read: true },
    { name: "Gitea's clock a second ahead of the bot's", handledAfterMs: -1_000, read: false },
  ])('$name: read = $read', async ({ handledAfterMs, read }) => {
    const needsRead = createIssueNow(redis.client, () => WRITTEN + handledAfterMs);
    expect(await needsRead(comment)).toBe(read);
  });

  it('a comment time that does not parse is read', async () => {
    const needsRead = createIssueNow(redis.client, () => WRITTEN);
    expect(await needsRead({ ...comment, at: 'yesterday' })).toBe(true);
  });
});
