import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, PROGRAM_REPO, seedProgram, startTestBot, type TestBot } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

// Events of one issue are handled in the order they were accepted, whatever the worker's
// concurrency: a command decided before an earlier one of its issue could be refused
// (`/paid` before `/approve`). Twenty commands arrive together; their replies come in their order.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;

beforeEach(() => seedProgram(gitea()));
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('events of one issue', () => {
  it('are handled in the order they were accepted, with 8 jobs at once', { timeout: 60_000 }, async () => {
    const issue = gitea().addIssue(PROGRAM_REPO, { title: 'Questions', body: 'Hi', user: 'bob' });
    bot = await startTestBot(redis.url, gitea(), { env: { WORKER_CONCURRENCY: '8' } });
    const ids = Array.from({ length: 20 }, (_, i) => 70_000 + i);
    // One after another: each is accepted (202) before the next is sent, so this is their order.
    for (const id of ids) {
      const answer = await bot.deliver(
        commentPayload('created', '/help', {
          issue: {
            number: issue.number,
            id: issue.id,
            title: 'Questions',
            body: 'Hi',
            user: { login: 'bob' },
          },
          comment: { id, user: { login: 'bob' } },
          sender: { login: 'bob' },
        }),
      );
      expect(answer.status).toBe(202);
    }
    const replied = () =>
      gitea()
        .comments(PROGRAM_REPO, issue.number)
        .flatMap((c) => {
          const id = /operator-bot:reply (\d+)/.exec(c.body)?.[1];
          return id ? [Number(id)] : [];
        });
    await eventually(() => expect(replied()).toHaveLength(ids.length), 30_000);
    expect(replied()).toEqual(ids);
  });
});
