import { describe, expect, it } from 'vitest';
import { createOperatorStore } from '../../src/store/operators.js';
import { createRotationStore } from '../../src/store/rotations.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

/**
 * Gitea sends deliveries from several workers: a `/rotated` written later can be handled first.
 * The last rotation is the newest written, whatever order they were handled in.
 */
const redis = useRedis();
const gitea = useFakeGitea();

let commentId = 6000;
const rotated = (at: string) =>
  commentPayload('created', '/rotated', {
    issue: { number: 12, labels: [], user: { login: 'bob' } },
    comment: { id: ++commentId, user: { login: 'bob' }, created_at: at, updated_at: at },
    sender: { login: 'bob' },
  });

describe('two /rotated handled in the opposite order to the one they were written in', () => {
  it('keep the newer as the last rotation; the older is the last as of a day between them', async () => {
    seedProgram(gitea());
    await createOperatorStore(redis.client).put(activeOperator('bob'));
    gitea().addIssue(PROGRAM_REPO, { number: 12, title: 'Tokens', body: '', user: 'bob' });
    const core = testCore(redis.client, gitea());
    await core.handle(rotated('2026-11-20T10:00:00Z'));
    await core.handle(rotated('2026-11-02T10:00:00Z'));
    const rotations = createRotationStore(redis.client);
    expect(await rotations.all()).toEqual({ bob: '2026-11-20T10:00:00.000Z' });
    expect(await rotations.asOf('2026-11-10T00:00:00.000Z')).toEqual({ bob: '2026-11-02T10:00:00.000Z' });
  });
});
