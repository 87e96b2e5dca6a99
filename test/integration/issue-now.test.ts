import { describe, expect, it } from 'vitest';
import { AS_OF_TRUSTED_MS, createIssueNow } from '../../src/worker/issue-now.js';
import { botEvent } from '../support/events.js';
import { useRedis } from '../support/redis.js';

// A comment delivery's copy of its issue is trusted only while the comment is fresh
// (src/worker/issue-now.ts AS_OF_TRUSTED_MS): later, a change made since may be known only to
// another intake process's memory.

const redis = useRedis();

/** A comment delivery written `agoMs` before now, by the bot's clock (negative: Gitea's clock is ahead). */
const commentWritten = (agoMs: number) => {
  const at = new Date(Date.now() - agoMs).toISOString();
  return botEvent({
    kind: 'comment.created',
    at,
    comment: { id: 5, body: '/status', createdAt: at },
    asOfComment: { actorAdmin: false },
  });
};

describe('a comment delivery is decided on its own copy of the issue only while fresh', () => {
  it.each<{ name: string; agoMs: number; read: boolean }>([
    { name: 'handled as it is written', agoMs: 0, read: false },
    { name: 'handled a second inside the limit', agoMs: AS_OF_TRUSTED_MS - 1_000, read: false },
    {
      name: 'handled a second past it (late delivery, backlog)',
      agoMs: AS_OF_TRUSTED_MS + 1_000,
      read: true,
    },
    { name: 'handled a minute later', agoMs: 60_000, read: true },
    { name: "Gitea's clock a second ahead of the bot's", agoMs: -1_000, read: false },
  ])('$name: read = $read', async ({ agoMs, read }) => {
    expect(await createIssueNow(redis.client)(commentWritten(agoMs))).toBe(read);
  });

  it('a comment time that does not parse is read', async () => {
    expect(await createIssueNow(redis.client)({ ...commentWritten(0), at: 'yesterday' })).toBe(true);
  });
});
