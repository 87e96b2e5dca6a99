import { describe, expect, it } from 'vitest';
import { createInstanceStore } from '../../src/store/instances.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { instanceIn } from '../support/workflows.js';

/** Issue #18: `/status` answers with the short state and a link to the status comment, not a repost. */
const redis = useRedis();
const gitea = useFakeGitea();
const AT = '2026-11-21T10:00:00Z';
let commentId = 8000;
const say = (login: string, body: string) =>
  commentPayload('created', body, {
    issue: { number: 40, labels: [label('operator-application')], user: { login: 'alice' } },
    comment: { id: ++commentId, user: { login }, created_at: AT, updated_at: AT },
    sender: { login },
  });

describe('/status in a workflow issue', () => {
  it('links the status comment, which alone holds the (folded) diagram', async () => {
    seedProgram(gitea());
    const core = testCore(redis.client, gitea());
    gitea().addIssue(PROGRAM_REPO, {
      number: 40,
      title: 'Application',
      user: 'alice',
      labels: ['operator-application'],
    });
    await createInstanceStore(redis.client).put({
      ...instanceIn('onboarding', 'training', {
        applicant: 'alice',
        problems: [],
        modules: [1],
        fleet: [],
        tasks: 0,
      }),
      issue: 40,
    });
    // A module makes the bot write the status comment; /status then points at it.
    await core.handle(say('alice', '/module 2'));
    await core.handle(say('alice', '/status'));
    const comments = gitea().comments(PROGRAM_REPO, 40);
    const status = comments.find((c) => c.body.includes('operator-bot:state'));
    const reply = comments.find((c) => c.body.includes('is in state **training**'));
    expect(status?.body).toContain('<details><summary>Where this is in the onboarding workflow</summary>');
    expect(reply?.body).toContain(`[the status comment](#issuecomment-${status?.id})`);
    expect(reply?.body).not.toContain('mermaid');
    expect(comments.filter((c) => c.body.includes('mermaid'))).toHaveLength(1);
  });
});
